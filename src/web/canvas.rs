//! The canvas as a plotters backend, and text measured on it.
//!
//! plotters-canvas's `CanvasBackend` is the binding to the canvas (its size,
//! and the hand-over at `present`); the drawing calls are made here, for
//! three reasons. plotters-canvas formats a colour string with `core::fmt`
//! at every call (a float for the alpha), which keeps Rust's float
//! formatting — tens of kilobytes — in the module; it sets every piece of
//! canvas state again at every call, where a chart changes its font and
//! colour a few times (state is cached here, as uPlot does); and it aligns
//! text by "start"/"end", which an inherited `direction: rtl` flips.
//!
//! Text is measured with the context's `measureText` in the font the chart
//! is set in, through a small JavaScript helper that caches widths for
//! every chart on the page (plotters' own measuring adds `<span>`s to the
//! host page, whose CSS then changes the layout).
//!
//! Strings cross into JavaScript once per layout: a redraw replays the
//! scene's labels, fonts and colours as the JS strings made the first time.

use js_sys::JsString;
use plotters_backend::text_anchor::HPos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::layout::MeasureText;
use crate::theme::Rgb;

/// plotters-canvas's error type, which it does not export by name.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

#[wasm_bindgen(inline_js = r#"
// Widths by font and text, for every chart on the page: a relayout measures
// nothing measured before. Forgotten when a web font finishes loading. The
// font is set at every measurement: painting sets it too, in between.
const widths = new Map();
export function measureWidth(context, font, text) {
  const key = font + '\u0000' + text;
  let width = widths.get(key);
  if (width === undefined) {
    context.font = font;
    width = context.measureText(text).width;
    if (widths.size >= 8192) widths.clear();
    widths.set(key, width);
  }
  return width;
}
export function forgetWidths() {
  widths.clear();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = measureWidth)]
    fn measure_width(context: &CanvasRenderingContext2d, font: &JsString, text: &str) -> f64;
    #[wasm_bindgen(js_name = forgetWidths)]
    fn forget_widths_in_js();
}

#[wasm_bindgen]
extern "C" {
    /// The same 2D context, with the setters and `fillText` taking JS strings
    /// (web-sys's take `&str`, decoded from UTF-8 at every call).
    #[wasm_bindgen(extends = js_sys::Object)]
    type StringContext;
    #[wasm_bindgen(method, setter = font)]
    fn set_font(this: &StringContext, font: &JsString);
    #[wasm_bindgen(method, setter = fillStyle)]
    fn set_fill_style(this: &StringContext, style: &JsString);
    #[wasm_bindgen(method, setter = strokeStyle)]
    fn set_stroke_style(this: &StringContext, style: &JsString);
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text(this: &StringContext, text: &JsString, x: f64, y: f64);
}

/// Forgets every measured width: the element calls this when a web font
/// finishes loading, since widths measured in its fallback are wrong now.
#[wasm_bindgen(js_name = forgetWidths)]
pub fn forget_widths() {
    forget_widths_in_js();
}

/// The CSS `font` for a style: "bold 28px Arial, …". Written without float
/// formatting: sizes are kept to a tenth of a pixel.
pub fn css_font(bold: bool, size: f64, family: &str) -> String {
    let tenths = (size.abs() * 10.0).round() as u64;
    let weight = if bold { "bold" } else { "normal" };
    match tenths % 10 {
        0 => format!("{weight} {}px {family}", tenths / 10),
        fraction => format!("{weight} {}.{fraction}px {family}", tenths / 10),
    }
}

/// Measures text on a chart's own context (so the host page's CSS cannot
/// change it) in the chart's font.
pub struct CanvasMeasure<'c> {
    context: &'c CanvasRenderingContext2d,
    family: &'c str,
}

impl<'c> CanvasMeasure<'c> {
    pub fn new(context: &'c CanvasRenderingContext2d, family: &'c str) -> Self {
        CanvasMeasure { context, family }
    }
}

impl MeasureText for CanvasMeasure<'_> {
    fn family(&self) -> &str {
        self.family
    }

    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let font = JsString::from(css_font(bold, size, self.family));
        measure_width(self.context, &font, text)
    }
}

/// The JS strings one scene is painted with, made on its first paint and
/// replayed on every redraw. The view starts a new cache with each layout.
#[derive(Default)]
pub struct PaintCache {
    /// Each text mark's label in paint order, with the address of the
    /// scene's string it was made from (a check that the order held).
    texts: Vec<(usize, JsString)>,
    fonts: Vec<((u64, bool), JsString)>,
    colors: Vec<(Rgb, JsString)>,
}

impl PaintCache {
    fn color(&mut self, rgb: Rgb) -> JsString {
        if let Some((_, string)) = self.colors.iter().find(|(c, _)| *c == rgb) {
            return string.clone();
        }
        let string = JsString::from(rgb.hex());
        self.colors.push((rgb, string.clone()));
        string
    }

    fn font(&mut self, bold: bool, size: f64, family: &str) -> JsString {
        let key = (size.to_bits(), bold);
        if let Some((_, string)) = self.fonts.iter().find(|(k, _)| *k == key) {
            return string.clone();
        }
        let string = JsString::from(css_font(bold, size, family));
        self.fonts.push((key, string.clone()));
        string
    }

    fn text(&mut self, index: usize, text: &str) -> JsString {
        let address = text.as_ptr() as usize;
        match self.texts.get(index) {
            Some((at, string)) if *at == address => string.clone(),
            _ => {
                let string = JsString::from(text);
                if index < self.texts.len() {
                    self.texts[index] = (address, string.clone());
                } else {
                    self.texts.push((address, string.clone()));
                }
                string
            }
        }
    }
}

/// The canvas state last set, so that unchanged state is not set again,
/// from one paint to the next.
#[derive(Default)]
struct State {
    fill: Option<Rgb>,
    stroke: Option<(Rgb, u32)>,
    font: Option<(u64, bool)>,
    align: Option<&'static str>,
    alpha: Option<u64>,
    baseline_top: bool,
}

/// One chart's canvas, kept by its view from one paint to the next: the
/// plotters-canvas binding, the context, the size last given to the
/// backing store, the state last set, and the JS strings of the scene.
pub struct Canvas {
    binding: CanvasBackend,
    element: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    state: State,
    cache: PaintCache,
}

impl Canvas {
    pub fn new(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Option<Canvas> {
        Some(Canvas {
            size: (canvas.width(), canvas.height()),
            binding: CanvasBackend::with_canvas_object(canvas.clone())?,
            element: canvas,
            context,
            state: State::default(),
            cache: PaintCache::default(),
        })
    }

    pub fn context(&self) -> &CanvasRenderingContext2d {
        &self.context
    }

    /// Sizes the backing store. Setting a canvas's size clears it and all
    /// its state, even to the same size: only on change.
    pub fn resize(&mut self, (width, height): (u32, u32)) {
        if self.size == (width, height) {
            return;
        }
        self.element.set_width(width);
        self.element.set_height(height);
        self.size = (width, height);
        self.state = State::default();
    }

    /// A new layout: its strings are new, and measuring it set the
    /// context's font behind the cached state's back.
    pub fn relaid_out(&mut self) {
        self.cache = PaintCache::default();
        self.state.font = None;
    }

    /// The backend a scene is painted through.
    pub fn surface(&mut self) -> CanvasSurface<'_> {
        CanvasSurface {
            canvas: self,
            texts_painted: 0,
        }
    }
}

pub struct CanvasSurface<'a> {
    canvas: &'a mut Canvas,
    /// Text marks painted so far in this paint.
    texts_painted: usize,
}

fn rgb(color: BackendColor) -> Rgb {
    Rgb(color.rgb.0, color.rgb.1, color.rgb.2)
}

impl CanvasSurface<'_> {
    fn context(&self) -> &CanvasRenderingContext2d {
        &self.canvas.context
    }

    fn strings(&self) -> &StringContext {
        self.canvas.context.unchecked_ref()
    }

    /// Translucent colours through `globalAlpha`, so that no colour string
    /// carries a float.
    fn set_alpha(&mut self, alpha: f64) {
        let alpha = alpha.clamp(0.0, 1.0);
        if self.canvas.state.alpha != Some(alpha.to_bits()) {
            self.context().set_global_alpha(alpha);
            self.canvas.state.alpha = Some(alpha.to_bits());
        }
    }

    fn set_fill(&mut self, color: BackendColor) {
        self.set_alpha(color.alpha);
        let rgb = rgb(color);
        if self.canvas.state.fill != Some(rgb) {
            let css = self.canvas.cache.color(rgb);
            self.strings().set_fill_style(&css);
            self.canvas.state.fill = Some(rgb);
        }
    }

    fn set_stroke(&mut self, color: BackendColor, width: u32) {
        self.set_alpha(color.alpha);
        let rgb = rgb(color);
        if self.canvas.state.stroke != Some((rgb, width)) {
            let css = self.canvas.cache.color(rgb);
            self.strings().set_stroke_style(&css);
            self.context().set_line_width(f64::from(width));
            self.canvas.state.stroke = Some((rgb, width));
        }
    }

    /// Traces `points` as the current path.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) {
        self.context().begin_path();
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i == 0 {
                self.context().move_to(f64::from(x), f64::from(y));
            } else {
                self.context().line_to(f64::from(x), f64::from(y));
            }
        }
    }
}

impl DrawingBackend for CanvasSurface<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.canvas.binding.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        // Every text mark is placed by the top of its em box (set again
        // after a resize, which forgets all state).
        if !self.canvas.state.baseline_top {
            self.context().set_text_baseline("top");
            self.canvas.state.baseline_top = true;
        }
        self.canvas.binding.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.set_alpha(1.0);
        self.canvas.binding.present()
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.set_fill(color);
        self.context()
            .fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let (x, y) = (f64::from(x0), f64::from(y0));
        let (width, height) = (f64::from(x1 - x0), f64::from(y1 - y0));
        if fill {
            self.set_fill(style.color());
            self.context().fill_rect(x, y, width, height);
        } else {
            self.set_stroke(style.color(), style.stroke_width());
            self.context().stroke_rect(x, y, width, height);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.set_stroke(style.color(), style.stroke_width());
        self.trace(path);
        self.context().stroke();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.context().begin_path();
        // arc throws only for a negative radius; a u32 is never one.
        let _ = self.context().arc(
            f64::from(x),
            f64::from(y),
            f64::from(radius),
            0.0,
            std::f64::consts::TAU,
        );
        if fill {
            self.set_fill(style.color());
            self.context().fill();
        } else {
            self.set_stroke(style.color(), style.stroke_width());
            self.context().stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.set_fill(style.color());
        self.trace(vertices);
        self.context().close_path();
        self.context().fill();
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let index = self.texts_painted;
        self.texts_painted += 1;
        self.set_fill(style.color());
        let bold = matches!(style.style(), FontStyle::Bold);
        let size = style.size();
        if self.canvas.state.font != Some((size.to_bits(), bold)) {
            let font = self.canvas.cache.font(bold, size, style.family().as_str());
            self.strings().set_font(&font);
            self.canvas.state.font = Some((size.to_bits(), bold));
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        };
        if self.canvas.state.align != Some(align) {
            self.context().set_text_align(align);
            self.canvas.state.align = Some(align);
        }
        let label = self.canvas.cache.text(index, text);
        let (x, y) = (f64::from(x), f64::from(y));
        if let FontTransform::Rotate90 | FontTransform::Rotate180 | FontTransform::Rotate270 =
            style.transform()
        {
            let turns = match style.transform() {
                FontTransform::Rotate90 => 1.0,
                FontTransform::Rotate180 => 2.0,
                _ => 3.0,
            };
            self.context().save();
            let _ = self.context().translate(x, y);
            let _ = self.context().rotate(turns * std::f64::consts::FRAC_PI_2);
            self.strings().fill_text(&label, 0.0, 0.0);
            // Back to the state at `save`, which is the cached one.
            self.context().restore();
        } else {
            self.strings().fill_text(&label, x, y);
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let bold = matches!(style.style(), FontStyle::Bold);
        let font = JsString::from(css_font(bold, style.size(), style.family().as_str()));
        let width = measure_width(self.context(), &font, text);
        Ok((
            width.ceil().max(0.0) as u32,
            style.size().ceil().max(0.0) as u32,
        ))
    }

    fn blit_bitmap(
        &mut self,
        (x, y): BackendCoord,
        (width, height): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        // RGB pixels, one rectangle each: charts draw no bitmaps, but a
        // backend must accept one.
        for (i, pixel) in src.chunks_exact(3).enumerate() {
            let i = i as u32;
            if i >= width * height {
                break;
            }
            let color = BackendColor {
                alpha: 1.0,
                rgb: (pixel[0], pixel[1], pixel[2]),
            };
            self.draw_pixel((x + (i % width) as i32, y + (i / width) as i32), color)?;
        }
        Ok(())
    }
}
