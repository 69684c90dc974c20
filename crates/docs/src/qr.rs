//! The certificate's QR code as an image: the payload (the seal, made by the store when the
//! certificate was decided: `anyqtama_store::seal`) drawn as modules.

use qrcode::canvas::{Canvas, MaskPattern};

/// The mask every code is drawn with. The standard lets an encoder choose any of the eight (the
/// reader takes it from the code's format information); trying all eight and scoring each was an
/// eighth of a certificate's instructions (issue 14). Over error-corrected data, which is close to
/// random, one fixed mask reads as well: every document's code is decoded by zbar in the tests.
const MASK: MaskPattern = MaskPattern::Checkerboard;

/// The QR's modules, row by row (true = dark), with its width.
pub fn modules(payload: &str) -> (usize, Vec<bool>) {
    let bits = qrcode::bits::encode_auto(payload.as_bytes(), qrcode::EcLevel::M)
        .expect("a payload of this size fits a QR code");
    let version = bits.version();
    let data = bits.into_bytes();
    let (encoded, ec) = qrcode::ec::construct_codewords(&data, version, qrcode::EcLevel::M)
        .expect("codewords for a version that fits");
    let mut canvas = Canvas::new(version, qrcode::EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&encoded, &ec);
    canvas.apply_mask(MASK);
    let dark = canvas
        .into_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    (version.width() as usize, dark)
}
