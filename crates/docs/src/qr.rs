//! The certificate's QR code as an image: the payload (the seal, made by the store when the
//! certificate was decided: `anyqtama_store::seal`) drawn as modules.

/// The QR's modules, row by row (true = dark), with its width.
pub fn modules(payload: &str) -> (usize, Vec<bool>) {
    let code = qrcode::QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M)
        .expect("a payload of this size fits a QR code");
    let w = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    (w, dark)
}
