//! The two colour themes and the checks that keep them readable: text meets
//! WCAG AA contrast (4.5:1) on the background, marks meet the 3:1 asked of
//! graphics, and the two series stay apart for colour-blind readers.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Every colour a chart uses, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    /// Titles and value labels.
    pub text: Rgb,
    /// Subtitles, axis labels, notes and sources.
    pub muted: Rgb,
    /// Gridlines: quiet on purpose; they carry no information alone.
    pub grid: Rgb,
    /// Zero lines and axes.
    pub axis: Rgb,
    /// The unfilled part of a part-to-whole bar (the rest of 100%).
    pub track: Rgb,
    /// The main series; also text set in that colour.
    pub primary: Rgb,
    /// The contrasting series: negative values, the second text's events.
    pub secondary: Rgb,
    /// Text set on a filled `primary` mark.
    pub on_primary: Rgb,
}

/// Which palette to use; `Auto` is resolved by the host (prefers-color-scheme).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub const NAMES: [(&'static str, Theme); 2] = [("light", Theme::Light), ("dark", Theme::Dark)];

    pub fn from_name(name: &str) -> Option<Theme> {
        Self::NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
            .map(|(_, t)| *t)
    }

    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => LIGHT,
            Theme::Dark => DARK,
        }
    }
}

/// Okabe–Ito blue and vermillion, darkened where text needs 4.5:1.
pub const LIGHT: Palette = Palette {
    background: Rgb(0xff, 0xff, 0xff),
    text: Rgb(0x1a, 0x1a, 0x1a),
    muted: Rgb(0x5c, 0x5c, 0x5c),
    grid: Rgb(0xe3, 0xe3, 0xe3),
    axis: Rgb(0x75, 0x75, 0x75),
    track: Rgb(0xe8, 0xec, 0xf0),
    primary: Rgb(0x00, 0x64, 0xa0),
    secondary: Rgb(0xb8, 0x4a, 0x00),
    on_primary: Rgb(0xff, 0xff, 0xff),
};

/// Okabe–Ito sky blue and orange, for a dark page.
pub const DARK: Palette = Palette {
    background: Rgb(0x16, 0x18, 0x1b),
    text: Rgb(0xf0, 0xf1, 0xf2),
    muted: Rgb(0xa9, 0xae, 0xb4),
    grid: Rgb(0x30, 0x34, 0x39),
    axis: Rgb(0x8a, 0x90, 0x96),
    track: Rgb(0x2b, 0x31, 0x38),
    primary: Rgb(0x56, 0xb4, 0xe9),
    secondary: Rgb(0xf0, 0x8a, 0x4b),
    on_primary: Rgb(0x10, 0x12, 0x14),
};

impl Rgb {
    /// The linear-light values of the three sRGB channels, 0 to 1.
    pub fn linear(self) -> [f64; 3] {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        [channel(self.0), channel(self.1), channel(self.2)]
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// `#rrggbb`, for CSS and SVG.
    pub fn hex(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::from("#");
        for byte in [self.0, self.1, self.2] {
            out.push(DIGITS[usize::from(byte >> 4)] as char);
            out.push(DIGITS[usize::from(byte & 15)] as char);
        }
        out
    }
}

/// WCAG contrast ratio between two colours, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CIE L*a*b* of linear RGB (D65).
    fn lab(rgb: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = rgb;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// Machado et al. (2009) full-severity simulation matrices.
    const DEFICIENCIES: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    fn simulate(matrix: &[[f64; 3]; 3], c: Rgb) -> [f64; 3] {
        let v = c.linear();
        let row = |r: [f64; 3]| (r[0] * v[0] + r[1] * v[1] + r[2] * v[2]).clamp(0.0, 1.0);
        [row(matrix[0]), row(matrix[1]), row(matrix[2])]
    }

    fn distance(a: [f64; 3], b: [f64; 3]) -> f64 {
        let (a, b) = (lab(a), lab(b));
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }

    #[test]
    fn text_passes_wcag_aa_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = theme.palette();
            for (role, colour) in [
                ("text", p.text),
                ("muted", p.muted),
                ("primary", p.primary),
                ("secondary", p.secondary),
            ] {
                let ratio = contrast(colour, p.background);
                assert!(
                    ratio >= 4.5,
                    "{theme:?} {role} {} on {}: {ratio:.2}",
                    colour.hex(),
                    p.background.hex()
                );
            }
            assert!(
                contrast(p.on_primary, p.primary) >= 4.5,
                "{theme:?} on_primary"
            );
        }
    }

    #[test]
    fn marks_pass_the_graphics_contrast() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = theme.palette();
            for (role, colour) in [
                ("axis", p.axis),
                ("primary", p.primary),
                ("secondary", p.secondary),
            ] {
                let ratio = contrast(colour, p.background);
                assert!(ratio >= 3.0, "{theme:?} {role}: {ratio:.2}");
            }
            // A filled bar must stand out from the track it fills.
            assert!(
                contrast(p.primary, p.track) >= 3.0,
                "{theme:?} primary on track"
            );
        }
    }

    #[test]
    fn series_stay_apart_for_colour_blind_readers() {
        for theme in [Theme::Light, Theme::Dark] {
            let p = theme.palette();
            for (name, matrix) in &DEFICIENCIES {
                let d = distance(simulate(matrix, p.primary), simulate(matrix, p.secondary));
                assert!(
                    d >= 20.0,
                    "{theme:?} {name}: primary and secondary only {d:.1} apart (ΔE)"
                );
            }
        }
    }

    #[test]
    fn hex_and_names() {
        assert_eq!(Rgb(0, 0x64, 0xa0).hex(), "#0064a0");
        assert_eq!(Theme::from_name(" Dark "), Some(Theme::Dark));
        assert_eq!(Theme::from_name("blue"), None);
    }
}
