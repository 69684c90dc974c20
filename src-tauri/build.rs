fn main() {
    // The window is the bundle ui/build.mjs writes into ui/dist; it is embedded at compile time, so
    // a new bundle must rebuild the shell.
    println!("cargo:rerun-if-changed=../ui/dist");
    if !std::path::Path::new("../ui/dist/index.html").exists() {
        panic!("ui/dist is missing: build the window first with `npm --prefix ui ci && npm --prefix ui run build` (./dev does this)");
    }
    tauri_build::build()
}
