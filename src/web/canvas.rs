//! The canvas as a plotters backend: plotters-canvas's `CanvasBackend`, with
//! the primitives a chart is drawn with — filled rectangles, text, filled
//! circles and polygons, and solid paths — drawn here with the canvas state
//! cached between calls (as uPlot does), and text measured with the
//! canvas's own `measureText`.
//!
//! Why not all through plotters-canvas: for every call it formats a colour
//! string with `core::fmt` (a float for the alpha), sets every piece of
//! state again, aligns text with "start"/"end" (which an inherited
//! `direction: rtl` would flip), and plotters measures text by adding
//! `<span>`s to the host page, whose CSS then changes our layout.
//! plotters-canvas remains the canvas binding and draws everything else
//! (pixels, lines, outlines, translucent fills, rotated text, bitmaps).
//!
//! Strings cross into JavaScript once: labels, fonts and colours are kept
//! as JS strings, so a redraw decodes no UTF-8.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::JsString;
use plotters_backend::text_anchor::HPos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::theme::Rgb;

/// plotters-canvas's error type, which it does not export by name.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;

/// Enough for every label of every chart at a few sizes; past it the cache
/// starts again, so a page resized for hours does not grow without bound.
const MAX_CACHED_WIDTHS: usize = 8_192;

thread_local! {
    /// Text widths by font and text, shared by every chart on the page: a
    /// redraw at a new size measures nothing it has measured before.
    static WIDTHS: RefCell<HashMap<(String, String), f64>> = RefCell::new(HashMap::new());
    /// Labels, fonts and colours as JavaScript strings, made once.
    static JS_STRINGS: RefCell<HashMap<String, JsString>> = RefCell::new(HashMap::new());
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
    #[wasm_bindgen(method, catch, js_name = fillText)]
    fn fill_text(this: &StringContext, text: &JsString, x: f64, y: f64) -> Result<(), JsValue>;
}

/// `text` as a JS string, from the cache.
fn js_string(text: &str) -> JsString {
    JS_STRINGS.with(|strings| {
        let mut strings = strings.borrow_mut();
        if let Some(string) = strings.get(text) {
            return string.clone();
        }
        if strings.len() >= MAX_CACHED_WIDTHS {
            strings.clear();
        }
        let string = JsString::from(text);
        strings.insert(text.to_string(), string.clone());
        string
    })
}

/// The CSS `font` for a style: "bold 28px Arial, …". Built without float
/// formatting; sizes are whole or half pixels.
pub fn css_font(bold: bool, size: f64, family: &str) -> String {
    let tenths = (size.abs() * 10.0).round() as u64;
    let fraction = if tenths % 10 == 0 {
        String::new()
    } else {
        format!(".{}", tenths % 10)
    };
    let weight = if bold { "bold" } else { "normal" };
    format!("{weight} {}{fraction}px {family}", tenths / 10)
}

/// Width of `text` in `font` on `context`, cached.
pub fn text_width(context: &CanvasRenderingContext2d, font: &str, text: &str) -> f64 {
    let key = (font.to_string(), text.to_string());
    if let Some(width) = WIDTHS.with(|w| w.borrow().get(&key).copied()) {
        return width;
    }
    context.set_font(font);
    // A failed measurement (a detached context) counts as nothing rather
    // than an error: the chart still draws, labels may sit closer.
    let width = context.measure_text(text).map(|m| m.width()).unwrap_or(0.0);
    WIDTHS.with(|w| {
        let mut widths = w.borrow_mut();
        if widths.len() >= MAX_CACHED_WIDTHS {
            widths.clear();
        }
        widths.insert(key, width);
    });
    width
}

/// The canvas state last set, so that unchanged state is not set again.
#[derive(Default)]
struct State {
    fill: Option<(u8, u8, u8)>,
    stroke: Option<((u8, u8, u8), u32)>,
    font: String,
    align: Option<&'static str>,
    baseline_top: bool,
}

pub struct CanvasSurface {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    state: RefCell<State>,
}

impl CanvasSurface {
    pub fn new(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Option<Self> {
        Some(CanvasSurface {
            inner: CanvasBackend::with_canvas_object(canvas)?,
            context,
            state: RefCell::new(State::default()),
        })
    }

    fn strings(&self) -> &StringContext {
        self.context.unchecked_ref()
    }

    fn set_fill(&self, rgb: (u8, u8, u8)) {
        let mut state = self.state.borrow_mut();
        if state.fill != Some(rgb) {
            self.context
                .set_fill_style_str(&Rgb(rgb.0, rgb.1, rgb.2).hex());
            state.fill = Some(rgb);
        }
    }

    fn set_stroke(&self, rgb: (u8, u8, u8), width: u32) {
        let mut state = self.state.borrow_mut();
        if state.stroke != Some((rgb, width)) {
            self.strings()
                .set_stroke_style(&js_string(&Rgb(rgb.0, rgb.1, rgb.2).hex()));
            self.context.set_line_width(f64::from(width));
            state.stroke = Some((rgb, width));
        }
    }

    /// Traces `points` as the current path.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) {
        self.context.begin_path();
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i == 0 {
                self.context.move_to(f64::from(x), f64::from(y));
            } else {
                self.context.line_to(f64::from(x), f64::from(y));
            }
        }
    }

    fn set_font(&self, font: &str) {
        let mut state = self.state.borrow_mut();
        if state.font != font {
            self.strings().set_font(&js_string(font));
            state.font = font.to_string();
        }
    }

    /// After plotters-canvas has drawn, the context's state is unknown.
    fn forget_state(&self) {
        *self.state.borrow_mut() = State::default();
    }

    /// Runs a drawing call of plotters-canvas, then forgets the state it set.
    fn delegate<T>(&mut self, draw: impl FnOnce(&mut CanvasBackend) -> T) -> T {
        let result = draw(&mut self.inner);
        self.forget_state();
        result
    }
}

fn opaque(color: BackendColor) -> Option<(u8, u8, u8)> {
    (color.alpha >= 1.0).then_some(color.rgb)
}

impl DrawingBackend for CanvasSurface {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        // A canvas resized since the last paint has lost all its state.
        self.forget_state();
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.delegate(|inner| inner.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.delegate(|inner| inner.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        match opaque(style.color()).filter(|_| fill) {
            Some(rgb) => {
                self.set_fill(rgb);
                self.context.fill_rect(
                    f64::from(upper_left.0),
                    f64::from(upper_left.1),
                    f64::from(bottom_right.0 - upper_left.0),
                    f64::from(bottom_right.1 - upper_left.1),
                );
                Ok(())
            }
            None => self.delegate(|inner| inner.draw_rect(upper_left, bottom_right, style, fill)),
        }
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        match opaque(style.color()) {
            Some(rgb) => {
                self.set_stroke(rgb, style.stroke_width());
                self.trace(path);
                self.context.stroke();
                Ok(())
            }
            None => self.delegate(|inner| inner.draw_path(path, style)),
        }
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        match opaque(style.color()).filter(|_| fill) {
            Some(rgb) => {
                self.set_fill(rgb);
                self.context.begin_path();
                let (x, y) = (f64::from(center.0), f64::from(center.1));
                // arc throws only for a negative radius; a u32 is never one.
                let _ = self
                    .context
                    .arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU);
                self.context.fill();
                Ok(())
            }
            None => self.delegate(|inner| inner.draw_circle(center, radius, style, fill)),
        }
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        match opaque(style.color()) {
            Some(rgb) => {
                self.set_fill(rgb);
                self.trace(vertices);
                self.context.close_path();
                self.context.fill();
                Ok(())
            }
            None => self.delegate(|inner| inner.fill_polygon(vertices, style)),
        }
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let rgb = match (opaque(style.color()), style.transform()) {
            (Some(rgb), FontTransform::None) => rgb,
            _ => return self.delegate(|inner| inner.draw_text(text, style, pos)),
        };
        self.set_fill(rgb);
        self.set_font(&css_font(
            matches!(style.style(), FontStyle::Bold),
            style.size(),
            style.family().as_str(),
        ));
        let align = match style.anchor().h_pos {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        };
        {
            let mut state = self.state.borrow_mut();
            if state.align != Some(align) {
                self.context.set_text_align(align);
                state.align = Some(align);
            }
            // Every text mark is placed by the top of its em box.
            if !state.baseline_top {
                self.context.set_text_baseline("top");
                state.baseline_top = true;
            }
        }
        self.strings()
            .fill_text(&js_string(text), f64::from(pos.0), f64::from(pos.1))
            // fillText throws only for arguments it cannot use, and these are
            // whole numbers: there is nothing a caller could do about a throw.
            .or(Ok(()))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = css_font(
            matches!(style.style(), FontStyle::Bold),
            style.size(),
            style.family().as_str(),
        );
        let width = text_width(&self.context, &font, text);
        // Measuring may have set the context's font: the cached one is unknown.
        self.state.borrow_mut().font.clear();
        Ok((
            width.ceil().max(0.0) as u32,
            style.size().ceil().max(0.0) as u32,
        ))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.delegate(|inner| inner.blit_bitmap(pos, size, src))
    }
}
