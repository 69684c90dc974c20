// The law's folders are embedded whole (include_dir): rebuild when a file in them is added,
// removed or changed, so a new rule set or calendar year is never left out of a build.
fn main() {
    for dir in [
        "../../assets/rulesets",
        "../../assets/calendar",
        "../../assets/lists",
    ] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
