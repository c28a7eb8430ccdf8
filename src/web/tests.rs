//! In a real headless Chromium (`cargo xtask test` runs these through
//! wasm-bindgen-test-runner): the module draws what it should on a canvas.

use wasm_bindgen_test::*;

use super::canvas::css_font;
use super::*;
use crate::layout::Role;
use crate::layout::checks::text_problems;

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

fn request(width: f64, pixel_ratio: f64) -> DrawRequest {
    DrawRequest {
        width,
        pixel_ratio,
        theme: String::new(),
        prefers_dark: false,
        locale: None,
        page_locale: "en".into(),
        aspect_ratio: String::new(),
        min_height: None,
        font_generation: 0.0,
        style: HouseStyle::default(),
    }
}

/// Draws and returns what the view said.
fn draw(view: &mut ChartView, request: &DrawRequest) -> Result<JsValue, String> {
    view.draw_request(request).map_err(|e| {
        JsValue::from(e)
            .dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default()
    })
}

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &name.into()).expect("a field")
}

#[wasm_bindgen_test]
fn every_chart_draws_pixels_at_its_device_size() {
    for chart in model::all_charts() {
        let id = chart.id();
        let canvas = canvas();
        let mut view = ChartView::new(canvas.clone(), id).unwrap_or_else(|_| panic!("{id} exists"));
        let drawn = draw(&mut view, &request(480.0, 2.0)).unwrap_or_else(|e| panic!("{id}: {e}"));
        let height = field(&drawn, "height").as_f64().expect("a height");
        assert!(height > 100.0, "{id}: height {height}");
        assert_eq!(
            canvas.width(),
            960,
            "{id}: backing store is CSS width × pixel ratio"
        );
        assert_eq!(f64::from(canvas.height()), (height * 2.0).round(), "{id}");
        let pixels = drawn_pixels(&canvas);
        assert!(pixels > 5_000, "{id}: only {pixels} pixels drawn");
    }
}

#[wasm_bindgen_test]
fn a_redraw_repaints_the_same_pixels() {
    let canvas = canvas();
    let mut view = ChartView::new(canvas.clone(), "us-favourability").expect("exists");
    draw(&mut view, &request(400.0, 1.0)).expect("draws");
    let first = drawn_pixels(&canvas);
    context_of(&canvas).clear_rect(0.0, 0.0, 400.0, 1000.0);
    assert_eq!(drawn_pixels(&canvas), 0, "cleared");
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
fn attribute_mistakes_are_errors_that_say_what_would_be_right() {
    let mut view = ChartView::new(canvas(), "gdp-growth-average").expect("exists");
    let mistakes = [
        (
            DrawRequest {
                theme: "blu".into(),
                ..request(600.0, 1.0)
            },
            "Unknown theme \"blu\". Use \"light\", \"dark\" or \"auto\".",
        ),
        (
            DrawRequest {
                locale: Some("xx".into()),
                ..request(600.0, 1.0)
            },
            "Unknown locale \"xx\". Use one of: en,",
        ),
        (
            DrawRequest {
                aspect_ratio: "-1".into(),
                ..request(600.0, 1.0)
            },
            "Aspect ratio \"-1\" is not usable.",
        ),
        (request(f64::NAN, 1.0), "width NaN is not a usable size"),
    ];
    for (request, message) in mistakes {
        let error = draw(&mut view, &request).expect_err(message);
        assert!(error.starts_with(message), "{error}");
    }
}

#[wasm_bindgen_test]
fn tooltips_and_words_follow_the_locale() {
    let mut view = ChartView::new(canvas(), "gdp-growth-average").expect("exists");
    let drawn = draw(&mut view, &request(600.0, 1.0)).expect("draws");
    assert!(field(&drawn, "hotspots").as_f64().expect("a count") >= 1.0);
    let tooltip = view.tooltip(0).expect("a tooltip");
    assert_eq!(
        field(&tooltip, "value").as_string().as_deref(),
        Some("6.15%")
    );
    let french = DrawRequest {
        locale: Some("fr".into()),
        ..request(600.0, 1.0)
    };
    let drawn = draw(&mut view, &french).expect("draws");
    assert!(
        field(&drawn, "altText")
            .as_string()
            .expect("words")
            .contains("6,15\u{202f}%")
    );
    let scene = view.scene().expect("laid out");
    assert!(
        scene.texts().any(|t| t.contains("6,15\u{202f}%")),
        "the canvas shows 6,15 %"
    );
    // The page's language when the element has none; English when the
    // page's is unknown.
    let page = DrawRequest {
        page_locale: "vi-VN".into(),
        ..request(600.0, 1.0)
    };
    let drawn = draw(&mut view, &page).expect("draws");
    assert!(
        field(&drawn, "altText")
            .as_string()
            .expect("words")
            .contains("6,15%")
    );
}

/// A house style: the font is measured and drawn as given, a faint accent
/// is changed and reported once, a transparent chart paints no background.
#[wasm_bindgen_test]
fn a_house_style_is_drawn_and_kept_readable() {
    let canvas = canvas();
    let mut view = ChartView::new(canvas.clone(), "us-favourability").expect("exists");
    let style = HouseStyle {
        font_family: Some("Georgia, serif".into()),
        accent: Some([0xf2, 0xc1, 0x4e]),
        background: Some([0xfb, 0xf6, 0xe9]),
        ..HouseStyle::default()
    };
    let drawn = draw(
        &mut view,
        &DrawRequest {
            style,
            ..request(600.0, 1.0)
        },
    )
    .expect("draws");
    assert_eq!(
        view.scene().expect("laid out").font_family,
        "Georgia, serif"
    );
    let warnings = js_sys::Array::from(&field(&drawn, "warnings"));
    assert_eq!(warnings.length(), 1);
    assert!(
        warnings
            .get(0)
            .as_string()
            .expect("a message")
            .starts_with("--indicator-chart-accent #f2c14e")
    );
    let corner = context_of(&canvas)
        .get_image_data(1.0, 1.0, 1.0, 1.0)
        .expect("pixels")
        .data();
    assert_eq!(&corner[..4], &[0xfb, 0xf6, 0xe9, 255]);

    let clear = HouseStyle {
        transparent: true,
        background: Some([0xfb, 0xf6, 0xe9]),
        ..HouseStyle::default()
    };
    draw(
        &mut view,
        &DrawRequest {
            style: clear,
            ..request(601.0, 1.0)
        },
    )
    .expect("draws");
    let corner = context_of(&canvas)
        .get_image_data(1.0, 1.0, 1.0, 1.0)
        .expect("pixels")
        .data();
    assert_eq!(corner[3], 0, "transparent");
}

/// The layout check of `layout::checks`, with the browser's own fonts and
/// `measureText`: what a reader sees, not the committed font. In the
/// default typeface, and in a newspaper's serif and a wide sans-serif set
/// by a house style.
#[wasm_bindgen_test]
fn labels_never_overlap_or_get_cut_in_the_browser() {
    let canvas = canvas();
    let context = context_of(&canvas);
    let mut problems = Vec::new();
    let families = [
        None,
        Some("'Times New Roman', Georgia, serif"),
        Some("Verdana, 'DejaVu Sans', sans-serif"),
    ];
    for family in families {
        for chart in model::all_charts() {
            let id = chart.id();
            let mut view = ChartView::new(canvas.clone(), id).expect("exists");
            for width in [320.0, 1200.0] {
                for pixel_ratio in [1.0, 2.0, 3.0] {
                    let style = HouseStyle {
                        font_family: family.map(str::to_string),
                        ..HouseStyle::default()
                    };
                    let request = DrawRequest {
                        style,
                        ..request(width, pixel_ratio)
                    };
                    draw(&mut view, &request).expect("draws");
                    let scene = view.scene().expect("laid out");
                    let face = family.unwrap_or(FONT_FAMILY);
                    assert_eq!(scene.font_family, face);
                    let width_of = |text: &str, role: Role| {
                        let (size, bold) = role.spec();
                        context.set_font(&css_font(bold, size * pixel_ratio, face));
                        context
                            .measure_text(text)
                            .map(|m| m.width())
                            .unwrap_or(f64::NAN)
                    };
                    for problem in text_problems(scene, &width_of) {
                        problems.push(format!(
                            "{id} at {width}px ×{pixel_ratio} in {face}: {problem}"
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
