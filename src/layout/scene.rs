//! What a chart draws, as plain data: marks in device pixels and the
//! hotspots a pointer or the keyboard can reach. Layout produces a scene
//! once; `crate::paint` replays it on any plotters backend, so a redraw at
//! the same size costs no text measurement and no layout.

use crate::model::Datum;
use crate::theme::Rgb;

/// The role of a piece of text, which fixes its size and weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Title,
    Subtitle,
    /// Category labels and timeline entries.
    Label,
    /// Value labels on bars.
    Value,
    /// The one large figure of a units chart or a change.
    BigValue,
    /// Axis tick labels.
    Axis,
    /// Notes and the source line.
    Small,
}

impl Role {
    /// Size in CSS pixels per em, and whether the text is bold.
    pub fn spec(self) -> (f64, bool) {
        match self {
            Role::Title => (17.0, true),
            Role::Subtitle => (13.5, false),
            Role::Label => (13.5, false),
            Role::Value => (14.0, true),
            Role::BigValue => (28.0, true),
            Role::Axis => (12.0, false),
            Role::Small => (12.0, false),
        }
    }

    /// Height of one line of this role, in CSS pixels.
    pub fn line_height(self) -> f64 {
        (self.spec().0 * 1.3).round()
    }
}

/// Horizontal alignment of a text mark relative to its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One thing drawn. Coordinates are device pixels from the top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A filled rectangle. Rules and gridlines are thin rectangles, so they
    /// land on whole device pixels and stay sharp at any pixel ratio.
    Rect {
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        color: Rgb,
    },
    /// One line of text; `y` is the top of its em box.
    Text {
        x: i32,
        y: i32,
        text: String,
        role: Role,
        color: Rgb,
        align: Align,
    },
    Circle {
        x: i32,
        y: i32,
        radius: u32,
        color: Rgb,
    },
    Polygon {
        points: Vec<(i32, i32)>,
        color: Rgb,
    },
    /// An open polyline of the given width in device pixels.
    Path {
        points: Vec<(i32, i32)>,
        width: u32,
        color: Rgb,
    },
}

/// A region a reader can point at or focus, in device pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hotspot {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub datum: Datum,
}

impl Hotspot {
    pub fn contains(&self, x: i32, y: i32) -> bool {
        (self.x0..=self.x1).contains(&x) && (self.y0..=self.y1).contains(&y)
    }
}

/// A laid-out chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Size in device pixels.
    pub width: u32,
    pub height: u32,
    /// Device pixels per CSS pixel the scene was laid out for.
    pub pixel_ratio: f64,
    /// The CSS font-family list its text was measured in, and is set in.
    pub font_family: String,
    /// Painted first, unless the host asked for a transparent chart.
    pub background: Option<Rgb>,
    pub marks: Vec<Mark>,
    /// In reading order: the order keyboard focus moves through them.
    pub hotspots: Vec<Hotspot>,
}

impl Scene {
    /// The index of the hotspot under a point, in device pixels.
    pub fn hotspot_at(&self, x: i32, y: i32) -> Option<usize> {
        self.hotspots.iter().position(|h| h.contains(x, y))
    }

    /// The text of every text mark, in drawing order (for tests and
    /// for checking that labels are present).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.marks.iter().filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}
