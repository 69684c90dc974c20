use anyqtama_docs::layout::{self, Page, Weight};

#[test]
fn kazakh_letters_are_covered_and_render() {
    for c in "әғқңөұүһіӘҒҚҢӨҰҮҺІёЁ«»№–".chars() {
        assert!(layout::covers(c), "the font has no glyph for {c}");
    }
    let mut p = Page::a4();
    p.text(20.0, 30.0, 14.0, Weight::Bold, "Анықтама № ALA-2026-00001");
    let y = p.para(20.0, 40.0, 80.0, 11.0, Weight::Regular, "Шетелдіктер мен азаматтығы жоқ адамдардың өз бетінше жұмысқа орналасуы үшін біліктілігінің сәйкестігі туралы анықтама — ұзын мәтін жолдарға бөлінеді.");
    assert!(y > 50.0, "wrapped over several lines");
    p.line(20.0, y, 100.0, y, 0.5);
    p.watermark("DRAFT");
    let pdf = layout::render("smoke", vec![p]);
    assert!(pdf.starts_with(b"%PDF"));
    if let Ok(out) = std::env::var("ANYQTAMA_SMOKE_OUT") {
        std::fs::write(out, &pdf).unwrap();
    }
}
