//! How layout learns the width of a line of text: each surface measures in
//! the font it will draw with (the canvas with `measureText`, the SVG and
//! bitmap surfaces with the committed Liberation Sans), and layout only asks.

/// Measures lines of text on one surface.
pub trait MeasureText {
    /// The CSS font-family list text is set in; the scene records it so
    /// that painting uses the font that was measured.
    fn family(&self) -> &str;

    /// Width in device pixels of `text` at `size` device pixels per em.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// Test metrics: every character is `em` ems wide (half an em by default,
/// bold a tenth wider), so a layout's numbers can be worked out by hand.
#[cfg(test)]
#[derive(Debug, Clone, Copy)]
pub struct FixedWidth {
    pub em: f64,
}

#[cfg(test)]
impl Default for FixedWidth {
    fn default() -> Self {
        FixedWidth { em: 0.5 }
    }
}

#[cfg(test)]
impl MeasureText for FixedWidth {
    fn family(&self) -> &str {
        "monospace"
    }

    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let per_char = self.em * size * if bold { 1.1 } else { 1.0 };
        text.chars().count() as f64 * per_char
    }
}
