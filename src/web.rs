//! The browser binding: the only module that touches `JsValue`, `web-sys`
//! or the canvas. It exports [`ChartView`] to JavaScript (the
//! `<indicator-chart>` element in `www/indicator-chart.js` drives it), draws
//! through plotters-canvas, and measures text with the canvas's own
//! `measureText`, cached, instead of plotters' default of adding `<span>`s
//! to the host page (slow, and the page's CSS would change our layout).

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::{self, FAMILY, Options, Scene, Typeface};
use crate::describe;
use crate::format::Locale;
use crate::model::{self, Chart};
use crate::settings;
use crate::surface::measured::{Measured, TextMetrics};
use crate::theme::Theme;

/// The canvas draws text at exactly the size plotters asks for.
const TYPEFACE: Typeface = Typeface {
    family: FAMILY,
    size_factor: 1.0,
};

/// Logs panics with their message (not just "unreachable executed").
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The id of every chart, in page order.
#[wasm_bindgen(js_name = chartIds)]
pub fn chart_ids() -> Result<Vec<String>, JsError> {
    Ok(model::all_charts().map(|c| c.id().to_string()).collect())
}

/// Checks an `aspect-ratio` attribute; returns width / height, or
/// `undefined` for the chart's natural height.
#[wasm_bindgen(js_name = parseAspectRatio)]
pub fn parse_aspect_ratio(value: &str) -> Result<Option<f64>, JsError> {
    settings::aspect_ratio(value).map_err(|e| JsError::new(&e))
}

thread_local! {
    /// Text widths by font and text, shared by every chart on the page: a
    /// redraw at a new size measures nothing it has measured before.
    static WIDTHS: RefCell<HashMap<(String, String), f64>> = RefCell::new(HashMap::new());
}

/// Enough for every label of every chart at a few sizes; past it the cache
/// starts again, so a page resized for hours does not grow without bound.
const MAX_CACHED_WIDTHS: usize = 8_192;

/// Widths from the canvas 2D context, in the same font string that
/// plotters-canvas sets when it draws (`"bold 28px <family>"`).
struct CanvasMetrics {
    context: CanvasRenderingContext2d,
}

impl TextMetrics for CanvasMetrics {
    fn width(&self, text: &str, family: &str, bold: bool, em: f64) -> f64 {
        let font = format!(
            "{} {}px {}",
            if bold { "bold" } else { "normal" },
            em,
            family
        );
        let key = (font, text.to_string());
        if let Some(width) = WIDTHS.with(|w| w.borrow().get(&key).copied()) {
            return width;
        }
        self.context.set_font(&key.0);
        // A failed measurement (a detached context) is measured as nothing
        // rather than thrown: the chart still draws, labels may overlap.
        let width = self
            .context
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(0.0);
        WIDTHS.with(|w| {
            let mut widths = w.borrow_mut();
            if widths.len() >= MAX_CACHED_WIDTHS {
                widths.clear();
            }
            widths.insert(key, width);
        });
        width
    }
}

/// One chart bound to one canvas.
#[wasm_bindgen]
pub struct ChartView {
    chart: Chart,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    theme: Theme,
    locale: Locale,
    /// The last layout and what it was laid out for.
    scene: Option<(Options, Scene)>,
}

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

#[wasm_bindgen]
impl ChartView {
    /// A view of chart `id` on `canvas`. An unknown id is an error that
    /// suggests the nearest one.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, id: &str) -> Result<ChartView, JsError> {
        let chart = model::find_chart(id.trim()).map_err(js_error)?;
        let context = canvas
            .get_context("2d")
            .map_err(|_| js_error("This browser gave no 2D canvas context."))?
            .ok_or_else(|| js_error("This browser gave no 2D canvas context."))?
            .dyn_into::<CanvasRenderingContext2d>()
            .map_err(|_| js_error("The canvas context is not a 2D context."))?;
        Ok(ChartView {
            chart,
            canvas,
            context,
            theme: Theme::Light,
            locale: crate::format::ENGLISH,
            scene: None,
        })
    }

    /// Sets the theme from an attribute value ("light", "dark", "auto").
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, value: &str, prefers_dark: bool) -> Result<(), JsError> {
        self.theme = settings::theme(value, prefers_dark).map_err(js_error)?;
        Ok(())
    }

    /// Sets the number format from a `locale` attribute; an unknown
    /// language is an error.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&mut self, value: &str) -> Result<(), JsError> {
        self.locale = settings::locale(value).map_err(js_error)?;
        Ok(())
    }

    /// Sets the number format from the page's language, falling back to
    /// English for a language the viewer does not know.
    #[wasm_bindgen(js_name = setPageLocale)]
    pub fn set_page_locale(&mut self, lang: &str) -> Result<(), JsError> {
        self.locale = settings::page_locale(lang);
        Ok(())
    }

    /// Draws at `width` × `height` CSS pixels (no height: as tall as the
    /// content needs) with `scale` device pixels per CSS pixel. The canvas
    /// backing store is sized to match; returns the CSS height drawn.
    pub fn draw(&mut self, width: f64, height: Option<f64>, scale: f64) -> Result<f64, JsError> {
        let options = Options {
            width,
            height,
            scale,
            theme: self.theme,
            locale: self.locale,
        }
        .checked()
        .map_err(js_error)?;
        let cached = self.scene.as_ref().is_some_and(|(o, _)| *o == options);
        if !cached {
            let scene = {
                let area = self.area()?;
                charts::layout(&area, self.chart, &options, TYPEFACE).map_err(js_error)?
            };
            self.scene = Some((options, scene));
        }
        self.paint()?;
        Ok(self
            .scene
            .as_ref()
            .map_or(0.0, |(_, s)| f64::from(s.height) / s.scale))
    }

    /// Paints the last layout again (no measuring, no layout).
    pub fn redraw(&mut self) -> Result<(), JsError> {
        self.paint()
    }

    /// Index of the hotspot at (`x`, `y`) CSS pixels, if any.
    pub fn hit(&self, x: f64, y: f64) -> Result<Option<u32>, JsError> {
        let Some((_, scene)) = self.scene.as_ref() else {
            return Ok(None);
        };
        let (x, y) = (
            (x * scene.scale).round() as i32,
            (y * scene.scale).round() as i32,
        );
        Ok(scene
            .hotspots
            .iter()
            .position(|h| h.contains(x, y))
            .map(|i| i as u32))
    }

    /// How many hotspots (bars, points, events) the chart has.
    #[wasm_bindgen(js_name = hotspotCount)]
    pub fn hotspot_count(&self) -> Result<u32, JsError> {
        Ok(self
            .scene
            .as_ref()
            .map_or(0, |(_, s)| s.hotspots.len() as u32))
    }

    /// Hotspot `index`'s box in CSS pixels: [left, top, right, bottom].
    #[wasm_bindgen(js_name = hotspotBox)]
    pub fn hotspot_box(&self, index: u32) -> Result<Vec<f64>, JsError> {
        let (_, scene) = self
            .scene
            .as_ref()
            .ok_or_else(|| js_error("The chart has not been drawn yet."))?;
        let h = scene.hotspots.get(index as usize).ok_or_else(|| {
            js_error(format!(
                "No hotspot {index}; the chart has {}.",
                scene.hotspots.len()
            ))
        })?;
        Ok([h.x0, h.y0, h.x1, h.y1]
            .iter()
            .map(|v| f64::from(*v) / scene.scale)
            .collect())
    }

    /// What hotspot `index` stands for: `{ heading, value, quote, source }`.
    pub fn tooltip(&self, index: u32) -> Result<JsValue, JsError> {
        let (_, scene) = self
            .scene
            .as_ref()
            .ok_or_else(|| js_error("The chart has not been drawn yet."))?;
        let datum = scene
            .hotspots
            .get(index as usize)
            .map(|h| h.datum)
            .ok_or_else(|| js_error(format!("No hotspot {index}.")))?;
        let tooltip = describe::tooltip(self.chart, datum, &self.locale)
            .ok_or_else(|| js_error(format!("Nothing to say about hotspot {index}.")))?;
        serde_wasm_bindgen::to_value(&tooltip).map_err(js_error)
    }

    /// The chart's text alternative: its figure in words, and the source.
    #[wasm_bindgen(js_name = altText)]
    pub fn alt_text(&self) -> Result<String, JsError> {
        Ok(describe::alt_text(self.chart, &self.locale))
    }

    /// The chart's data: `{ caption, headers, rows }`.
    pub fn table(&self) -> Result<JsValue, JsError> {
        serde_wasm_bindgen::to_value(&describe::table(self.chart, &self.locale)).map_err(js_error)
    }

    /// Whether the last `setTheme` chose the dark palette.
    #[wasm_bindgen(js_name = isDark)]
    pub fn is_dark(&self) -> Result<bool, JsError> {
        Ok(self.theme == Theme::Dark)
    }

    pub fn title(&self) -> Result<String, JsError> {
        Ok(self.chart.title().to_string())
    }

    /// The id this view draws (an embed may have written it with spaces).
    pub fn id(&self) -> Result<String, JsError> {
        Ok(self.chart.id().to_string())
    }
}

impl ChartView {
    /// A drawing area on the canvas, measuring text with the canvas.
    fn area(&self) -> Result<DrawingArea<Measured<CanvasBackend, CanvasMetrics>, Shift>, JsError> {
        let backend = CanvasBackend::with_canvas_object(self.canvas.clone())
            .ok_or_else(|| js_error("The canvas has no 2D context."))?;
        let metrics = CanvasMetrics {
            context: self.context.clone(),
        };
        Ok(Measured::new(backend, metrics, TYPEFACE.size_factor, 0.0).into_drawing_area())
    }

    fn paint(&mut self) -> Result<(), JsError> {
        let Some((_, scene)) = self.scene.as_ref() else {
            return Err(js_error(
                "Nothing to redraw: the chart has not been drawn yet.",
            ));
        };
        // Setting a canvas's size clears it, even to the same size: only on change.
        if self.canvas.width() != scene.width {
            self.canvas.set_width(scene.width);
        }
        if self.canvas.height() != scene.height {
            self.canvas.set_height(scene.height);
        }
        let area = self.area()?;
        charts::paint(&area, scene, TYPEFACE).map_err(js_error)
    }
}

#[cfg(test)]
mod tests {
    //! In a real headless Chromium (`cargo xtask test` runs these through
    //! wasm-bindgen-test-runner): the module draws pixels on a canvas.
    use wasm_bindgen_test::*;

    use super::*;

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

    /// Pixels that differ from the top-left (background) pixel.
    fn drawn_pixels(canvas: &HtmlCanvasElement) -> usize {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .expect("2d")
            .dyn_into::<CanvasRenderingContext2d>()
            .expect("2d");
        let data = context
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
}

#[cfg(test)]
mod layout_tests {
    //! The layout check of `charts::checks`, with the browser's own fonts
    //! and `measureText`: what a reader sees, not the committed font.
    use wasm_bindgen_test::*;

    use super::tests_support::canvas;
    use super::*;
    use crate::charts::Role;
    use crate::charts::checks::text_problems;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn labels_never_overlap_or_get_cut_in_the_browser() {
        let canvas = canvas();
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .expect("2d")
            .dyn_into::<CanvasRenderingContext2d>()
            .expect("2d");
        let metrics = CanvasMetrics { context };
        let mut problems = Vec::new();
        for id in chart_ids().expect("ids") {
            let mut view = ChartView::new(canvas.clone(), &id).expect("exists");
            for width in [320.0, 1200.0] {
                for scale in [1.0, 2.0, 3.0] {
                    view.draw(width, None, scale).expect("draws");
                    let (_, scene) = view.scene.as_ref().expect("laid out");
                    let width_of = |text: &str, role: Role| {
                        let (size, bold) = role.spec();
                        metrics.width(text, FAMILY, bold, size * scale)
                    };
                    for problem in text_problems(scene, &width_of) {
                        problems.push(format!("{id} at {width}px ×{scale}: {problem}"));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[cfg(test)]
mod tests_support {
    use wasm_bindgen::JsCast;
    use web_sys::HtmlCanvasElement;

    pub fn canvas() -> HtmlCanvasElement {
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
}
