//! The browser binding: the only module that touches `JsValue`, `web-sys`
//! or the canvas. It exports [`ChartView`], which the `<indicator-chart>`
//! element (`www/element/`) drives with one call per drawing; the canvas
//! backend and text measurement are in `canvas`.

mod canvas;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::attributes;
use crate::describe;
use crate::format::Locale;
use crate::layout::{self, Options, Scene};
use crate::model::{self, Chart};
use crate::theme::{FONT_FAMILY, HouseColors, Palette, Rgb, Theme};
use canvas::{Canvas, CanvasMeasure};

/// talc instead of Rust's default dlmalloc: a few kilobytes less WASM, and
/// faster for the many small strings layout makes.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// What the element asks for at each drawing: its attributes as written,
/// the page's state, and the host's house style. Read field by field from
/// the element's object ([`DrawRequest::from_js`]): serde's deserialisation
/// would bring its float-formatting error messages into the module, tens of
/// kilobytes.
#[derive(Debug, Clone, Default)]
pub struct DrawRequest {
    /// CSS pixels.
    width: f64,
    pixel_ratio: f64,
    /// The `theme` attribute ("" when absent).
    theme: String,
    prefers_dark: bool,
    /// The `locale` attribute, if any.
    locale: Option<String>,
    /// The language of the page around the element (`lang`), or the browser's.
    page_locale: String,
    /// The `aspect-ratio` attribute ("" when absent).
    aspect_ratio: String,
    /// Counts the times the page's fonts have changed: text measured before
    /// a web font arrived is measured again.
    font_generation: f64,
    /// CSS pixels the chart should be at least as tall as: the height of
    /// the static picture it replaces, so that nothing below it moves.
    min_height: Option<f64>,
    style: HouseStyle,
}

/// The `--indicator-chart-*` custom properties, as the element read them:
/// colours resolved to sRGB bytes, the font family as written.
#[derive(Debug, Clone, Default)]
struct HouseStyle {
    font_family: Option<String>,
    text: Option<[u8; 3]>,
    muted: Option<[u8; 3]>,
    accent: Option<[u8; 3]>,
    background: Option<[u8; 3]>,
    /// `--indicator-chart-background: transparent`: paint none, and read
    /// contrast against `background` (the colour behind the chart).
    transparent: bool,
}

/// A field of a JS object (`undefined` when absent or not an object).
fn get(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn number(object: &JsValue, name: &str) -> Result<f64, JsError> {
    get(object, name)
        .as_f64()
        .ok_or_else(|| js_error(format!("The element sent no number for {name}.")))
}

fn text(object: &JsValue, name: &str) -> Option<String> {
    get(object, name).as_string()
}

/// An sRGB colour sent as [r, g, b].
fn color(object: &JsValue, name: &str) -> Option<[u8; 3]> {
    let value = get(object, name);
    if !js_sys::Array::is_array(&value) {
        return None;
    }
    let array = js_sys::Array::from(&value);
    let channel = |i: u32| array.get(i).as_f64().map(|c| c.clamp(0.0, 255.0) as u8);
    Some([channel(0)?, channel(1)?, channel(2)?])
}

impl DrawRequest {
    /// Reads the element's request object.
    fn from_js(request: &JsValue) -> Result<DrawRequest, JsError> {
        let style = get(request, "style");
        Ok(DrawRequest {
            width: number(request, "width")?,
            pixel_ratio: number(request, "pixelRatio")?,
            theme: text(request, "theme").unwrap_or_default(),
            prefers_dark: get(request, "prefersDark").is_truthy(),
            locale: text(request, "locale"),
            page_locale: text(request, "pageLocale").unwrap_or_default(),
            aspect_ratio: text(request, "aspectRatio").unwrap_or_default(),
            min_height: get(request, "minHeight").as_f64().filter(|h| *h > 0.0),
            font_generation: get(request, "fontGeneration").as_f64().unwrap_or(0.0),
            style: HouseStyle {
                font_family: text(&style, "fontFamily"),
                text: color(&style, "text"),
                muted: color(&style, "muted"),
                accent: color(&style, "accent"),
                background: color(&style, "background"),
                transparent: get(&style, "transparent").is_truthy(),
            },
        })
    }
}

/// What the element needs after a drawing.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Drawn {
    /// CSS pixels.
    height: f64,
    dark: bool,
    title: &'static str,
    alt_text: String,
    hotspots: usize,
    /// The palette drawn with, as CSS colours, for the element's own DOM.
    colors: Colors,
    /// One message per house colour that was too faint and was changed.
    warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Colors {
    background: String,
    text: String,
    muted: String,
    grid: String,
    primary: String,
    secondary: String,
    error_background: String,
}

impl Colors {
    fn of(palette: &Palette) -> Colors {
        Colors {
            background: palette.background.hex(),
            text: palette.text.hex(),
            muted: palette.muted.hex(),
            grid: palette.grid.hex(),
            primary: palette.primary.hex(),
            secondary: palette.secondary.hex(),
            error_background: palette.error_background.hex(),
        }
    }
}

/// One chart bound to one canvas.
#[wasm_bindgen]
pub struct ChartView {
    chart: Chart,
    canvas: Canvas,
    locale: Locale,
    /// The last layout, and what it was laid out for: options, font family
    /// and the fonts' generation.
    scene: Option<(Options, (String, f64), Scene)>,
}

fn js_error(message: impl std::fmt::Display) -> JsError {
    JsError::new(&message.to_string())
}

fn rgb(bytes: Option<[u8; 3]>) -> Option<Rgb> {
    bytes.map(|[r, g, b]| Rgb(r, g, b))
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
            .ok()
            .flatten()
            .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
            .ok_or_else(|| js_error("This browser gave no 2D canvas context."))?;
        let canvas = Canvas::new(canvas, context)
            .ok_or_else(|| js_error("This browser gave no 2D canvas context."))?;
        Ok(ChartView {
            chart,
            canvas,
            locale: crate::format::ENGLISH,
            scene: None,
        })
    }

    /// Lays the chart out for `request` (a [`DrawRequest`]) unless nothing
    /// changed since the last time, and paints it; the canvas's backing
    /// store is sized to match. An attribute that is not usable is an error
    /// whose message says what would be.
    pub fn draw(&mut self, request: JsValue) -> Result<JsValue, JsError> {
        self.draw_request(&DrawRequest::from_js(&request)?)
    }

    /// Paints the last layout again (no measuring, no layout).
    pub fn redraw(&mut self) -> Result<(), JsError> {
        self.paint()
    }

    /// Index of the hotspot at (`x`, `y`) CSS pixels, if any.
    pub fn hit(&self, x: f64, y: f64) -> Result<Option<u32>, JsError> {
        let Some((_, _, scene)) = self.scene.as_ref() else {
            return Ok(None);
        };
        let device = |v: f64| (v * scene.pixel_ratio).round() as i32;
        Ok(scene.hotspot_at(device(x), device(y)).map(|i| i as u32))
    }

    /// Hotspot `index`'s box in CSS pixels: [left, top, right, bottom].
    #[wasm_bindgen(js_name = hotspotBox)]
    pub fn hotspot_box(&self, index: u32) -> Result<Vec<f64>, JsError> {
        let scene = self.scene()?;
        let h = scene.hotspots.get(index as usize).ok_or_else(|| {
            js_error(format!(
                "No hotspot {index}; the chart has {}.",
                scene.hotspots.len()
            ))
        })?;
        Ok([h.x0, h.y0, h.x1, h.y1]
            .iter()
            .map(|v| f64::from(*v) / scene.pixel_ratio)
            .collect())
    }

    /// What hotspot `index` stands for: `{ heading, value, quote, source }`.
    pub fn tooltip(&self, index: u32) -> Result<JsValue, JsError> {
        let datum = self
            .scene()?
            .hotspots
            .get(index as usize)
            .map(|h| h.datum)
            .ok_or_else(|| js_error(format!("No hotspot {index}.")))?;
        let tooltip = describe::tooltip(self.chart, datum, &self.locale)
            .ok_or_else(|| js_error(format!("Nothing to say about hotspot {index}.")))?;
        serde_wasm_bindgen::to_value(&tooltip).map_err(js_error)
    }

    /// The chart's data, in the last drawing's language: `{ caption, headers, rows }`.
    pub fn table(&self) -> Result<JsValue, JsError> {
        serde_wasm_bindgen::to_value(&describe::table(self.chart, &self.locale)).map_err(js_error)
    }
}

impl ChartView {
    fn draw_request(&mut self, request: &DrawRequest) -> Result<JsValue, JsError> {
        let theme = attributes::theme(&request.theme, request.prefers_dark).map_err(js_error)?;
        self.locale = match &request.locale {
            Some(value) => attributes::locale(value).map_err(js_error)?,
            None => attributes::page_locale(&request.page_locale),
        };
        let height = attributes::aspect_ratio(&request.aspect_ratio)
            .map_err(js_error)?
            .map(|ratio| request.width / ratio);
        // A fixed height is a minimum (content is never cut), so the larger.
        let height = match (height, request.min_height) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let style = &request.style;
        let (palette, adjustments) = theme.palette().with_house_colors(&HouseColors {
            text: rgb(style.text),
            muted: rgb(style.muted),
            accent: rgb(style.accent),
            background: rgb(style.background),
        });
        let family = style
            .font_family
            .as_deref()
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .unwrap_or(FONT_FAMILY);
        let options = Options {
            width: request.width,
            height,
            pixel_ratio: request.pixel_ratio,
            palette,
            transparent: style.transparent,
            locale: self.locale,
        }
        .checked()
        .map_err(js_error)?;
        let fonts = (family.to_string(), request.font_generation);
        let unchanged = self
            .scene
            .as_ref()
            .is_some_and(|(o, f, _)| *o == options && *f == fonts);
        if !unchanged {
            let measure = CanvasMeasure::new(self.canvas.context(), family);
            let scene = layout::layout(self.chart, &options, &measure).map_err(js_error)?;
            self.scene = Some((options, fonts, scene));
            self.canvas.relaid_out();
        }
        self.paint()?;
        let scene = self.scene()?;
        let drawn = Drawn {
            height: f64::from(scene.height) / scene.pixel_ratio,
            dark: theme == Theme::Dark,
            title: self.chart.title(),
            alt_text: describe::alt_text(self.chart, &self.locale),
            hotspots: scene.hotspots.len(),
            colors: Colors::of(&palette),
            warnings: adjustments.iter().map(|a| a.message()).collect(),
        };
        serde_wasm_bindgen::to_value(&drawn).map_err(js_error)
    }

    fn scene(&self) -> Result<&Scene, JsError> {
        self.scene
            .as_ref()
            .map(|(_, _, scene)| scene)
            .ok_or_else(|| js_error("The chart has not been drawn yet."))
    }

    fn paint(&mut self) -> Result<(), JsError> {
        let Some((_, _, scene)) = self.scene.as_ref() else {
            return Err(js_error(
                "Nothing to redraw: the chart has not been drawn yet.",
            ));
        };
        self.canvas.resize((scene.width, scene.height));
        crate::paint::paint(
            &mut self.canvas.surface(),
            scene,
            crate::paint::TextPlacement::CANVAS,
        )
        .map_err(js_error)
    }
}

#[cfg(test)]
mod tests;
