//! A backend wrapper that measures text its own way and can nudge where
//! text sits, delegating all drawing to the backend it wraps.
//!
//! plotters asks a backend for text sizes through `estimate_text_size`,
//! whose default natively depends on font features and on the machine's
//! fonts. Each native surface plugs in [`TextMetrics`] from the committed
//! font, matching what it really draws.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

/// How wide a line of text is on a surface.
pub trait TextMetrics {
    /// Width in pixels of `text` set `bold` or not, at `em` pixels per em
    /// in the font family `family` (a CSS list).
    fn width(&self, text: &str, family: &str, bold: bool, em: f64) -> f64;
}

/// `DB` with text measured by `M`.
pub struct Measured<DB, M> {
    inner: DB,
    metrics: M,
    /// The surface's `Typeface::size_factor`: a style's size divided by it
    /// is the em size the text is drawn at.
    size_factor: f64,
    /// How far down, in ems, to move text drawn at the top anchor, for
    /// backends that place it higher than a canvas's `textBaseline = "top"`.
    top_offset_em: f64,
}

impl<DB: DrawingBackend, M: TextMetrics> Measured<DB, M> {
    pub fn new(inner: DB, metrics: M, size_factor: f64, top_offset_em: f64) -> Self {
        Measured {
            inner,
            metrics,
            size_factor,
            top_offset_em,
        }
    }
}

impl<DB: DrawingBackend, M: TextMetrics> DrawingBackend for Measured<DB, M> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let em = style.size() / self.size_factor;
        let pos = (pos.0, pos.1 + (em * self.top_offset_em).round() as i32);
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let em = style.size() / self.size_factor;
        let bold = matches!(style.style(), FontStyle::Bold);
        let width = self.metrics.width(text, style.family().as_str(), bold, em);
        Ok((width.ceil().max(0.0) as u32, em.ceil().max(0.0) as u32))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}
