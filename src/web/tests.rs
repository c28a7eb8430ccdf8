//! In a real headless Chromium (`cargo xtask test` runs these through
//! wasm-bindgen-test-runner): the module draws what it should on a canvas.

use wasm_bindgen_test::*;

use super::canvas::{css_font, text_width};
use super::*;
use crate::charts::checks::text_problems;
use crate::charts::{FAMILY, Role};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let canvas = document
        .create_element("canvas")
        .expect("canvas")
        .dyn_into::<HtmlCanvasElement>()
        .expect("is a canvas");
    document
        .body()
        .expect("a body")
        .append_child(&canvas)
        .expect("appended");
    canvas
}

fn context_of(canvas: &HtmlCanvasElement) -> CanvasRenderingContext2d {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .expect("2d")
        .dyn_into::<CanvasRenderingContext2d>()
        .expect("2d")
}

/// Pixels that differ from the top-left (background) pixel.
fn drawn_pixels(canvas: &HtmlCanvasElement) -> usize {
    let data = context_of(canvas)
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .expect("image data")
        .data();
    let background = &data[..4];
    data.chunks(4).filter(|p| p != &background).count()
}

#[wasm_bindgen_test]
fn every_chart_draws_pixels_at_its_device_size() {
    for id in chart_ids().expect("ids") {
        let canvas = canvas();
        let mut view =
            ChartView::new(canvas.clone(), &id).unwrap_or_else(|_| panic!("{id} exists"));
        let height = view
            .draw(480.0, None, 2.0)
            .unwrap_or_else(|_| panic!("{id} draws"));
        assert!(height > 100.0, "{id}: height {height}");
        assert_eq!(
            canvas.width(),
            960,
            "{id}: backing store is CSS width × pixel ratio"
        );
        assert_eq!(f64::from(canvas.height()), (height * 2.0).round(), "{id}");
        let drawn = drawn_pixels(&canvas);
        assert!(drawn > 5_000, "{id}: only {drawn} pixels drawn");
    }
}

#[wasm_bindgen_test]
fn a_redraw_repaints_the_same_pixels() {
    let canvas = canvas();
    let mut view = ChartView::new(canvas.clone(), "us-favourability").expect("exists");
    view.draw(400.0, None, 1.0).expect("draws");
    let first = drawn_pixels(&canvas);
    view.redraw().expect("redraws");
    assert_eq!(drawn_pixels(&canvas), first);
}

#[wasm_bindgen_test]
fn an_unknown_id_suggests_the_nearest() {
    let error = ChartView::new(canvas(), "gdp-grwth")
        .err()
        .expect("an error");
    let message = JsValue::from(error)
        .dyn_into::<js_sys::Error>()
        .expect("an Error")
        .message();
    assert_eq!(
        String::from(message),
        "No indicator \"gdp-grwth\". Did you mean \"gdp-growth-average\"?"
    );
}

#[wasm_bindgen_test]
fn tooltips_and_words_come_from_the_data() {
    let mut view = ChartView::new(canvas(), "gdp-growth-average").expect("exists");
    view.draw(600.0, None, 1.0).expect("draws");
    assert!(view.hotspot_count().expect("count") >= 1);
    let tooltip = view.tooltip(0).expect("a tooltip");
    let value = js_sys::Reflect::get(&tooltip, &"value".into())
        .expect("value")
        .as_string();
    assert_eq!(value.as_deref(), Some("6.15%"));
    view.set_locale("fr").expect("French is known");
    view.draw(600.0, None, 1.0).expect("draws");
    assert!(view.alt_text().expect("words").contains("6,15\u{202f}%"));
    let (_, scene) = view.scene.as_ref().expect("laid out");
    assert!(
        scene.texts().any(|t| t.contains("6,15\u{202f}%")),
        "the canvas shows 6,15 %"
    );
    assert!(view.set_locale("xx").is_err());
}

/// The layout check of `charts::checks`, with the browser's own fonts and
/// `measureText`: what a reader sees, not the committed font.
#[wasm_bindgen_test]
fn labels_never_overlap_or_get_cut_in_the_browser() {
    let canvas = canvas();
    let context = context_of(&canvas);
    let mut problems = Vec::new();
    for id in chart_ids().expect("ids") {
        let mut view = ChartView::new(canvas.clone(), &id).expect("exists");
        for width in [320.0, 1200.0] {
            for scale in [1.0, 2.0, 3.0] {
                view.draw(width, None, scale).expect("draws");
                let (_, scene) = view.scene.as_ref().expect("laid out");
                let width_of = |text: &str, role: Role| {
                    let (size, bold) = role.spec();
                    text_width(&context, &css_font(bold, size * scale, FAMILY), text)
                };
                for problem in text_problems(scene, &width_of) {
                    problems.push(format!("{id} at {width}px ×{scale}: {problem}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
