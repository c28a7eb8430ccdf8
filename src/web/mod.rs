//! The browser binding: the only module that touches `JsValue`, `web-sys`
//! or the canvas. It exports [`ChartView`] to JavaScript (the
//! `<indicator-chart>` element in `www/indicator-chart.js` drives it); the
//! canvas backend, built on plotters-canvas, is in `canvas`.

mod canvas;

use plotters::coord::Shift;
use plotters::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::charts::{self, FAMILY, Options, Scene, Typeface};
use crate::describe;
use crate::format::Locale;
use crate::model::{self, Chart};
use crate::settings;
use crate::theme::Theme;
use canvas::CanvasSurface;

/// talc instead of Rust's default dlmalloc: a few kilobytes less WASM, and
/// faster for the many small strings layout makes.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
        Ok(scene.hotspot_at(x, y).map(|i| i as u32))
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
    fn area(&self) -> Result<DrawingArea<CanvasSurface, Shift>, JsError> {
        let surface = CanvasSurface::new(self.canvas.clone(), self.context.clone())
            .ok_or_else(|| js_error("The canvas has no 2D context."))?;
        Ok(surface.into_drawing_area())
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
mod tests;
