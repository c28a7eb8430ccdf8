//! The colours of charts and of the pages and element around them, in one
//! place: the two themes, a host's house style applied over one, and the
//! checks that keep them readable — text meets WCAG AA contrast (4.5:1) on
//! its background, marks the 3:1 asked of graphics, and the two series stay
//! apart for colour-blind readers. The element's and pages' CSS colours are
//! generated from here ([`css_custom_properties`]), so the checks cover
//! what the CSS paints too; so is their typeface ([`FONT_FAMILY`]).

/// The typeface charts and pages are set in unless a host gives its own:
/// Arial's metrics (Liberation Sans and Arimo share them), so that widths
/// measured with the committed Liberation Sans hold wherever a chart or its
/// SVG is shown.
pub const FONT_FAMILY: &str = "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif";

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
    /// Behind the cards of a page of charts.
    pub page: Rgb,
    /// Behind an error message (a tint of `secondary`, which rules it).
    pub error_background: Rgb,
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
    page: Rgb(0xf6, 0xf7, 0xf8),
    error_background: Rgb(0xff, 0xf4, 0xec),
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
    page: Rgb(0x0e, 0x10, 0x12),
    error_background: Rgb(0x2b, 0x21, 0x1b),
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

/// The contrast text needs against its background (WCAG AA).
pub const TEXT_CONTRAST: f64 = 4.5;
/// The contrast marks need against theirs (WCAG 1.4.11).
pub const MARK_CONTRAST: f64 = 3.0;

impl Rgb {
    /// `self` moved `amount` (0 to 1) of the way to `other`.
    pub fn mix(self, other: Rgb, amount: f64) -> Rgb {
        let channel = |a: u8, b: u8| {
            let value = f64::from(a) + (f64::from(b) - f64::from(a)) * amount;
            value.round().clamp(0.0, 255.0) as u8
        };
        Rgb(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }
}

/// `color`, darkened or lightened (towards whichever of black and white
/// stands out more from `background`) just enough to reach `needed`.
pub fn readable(color: Rgb, background: Rgb, needed: f64) -> Rgb {
    let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
    let extreme = if contrast(black, background) > contrast(white, background) {
        black
    } else {
        white
    };
    let mut step = 0;
    let mut adjusted = color;
    while contrast(adjusted, background) < needed && step < 20 {
        step += 1;
        adjusted = color.mix(extreme, f64::from(step) / 20.0);
    }
    adjusted
}

/// The colours a host's page sets for its charts (CSS custom properties
/// `--indicator-chart-*`); `None` keeps the theme's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HouseColors {
    pub text: Option<Rgb>,
    pub muted: Option<Rgb>,
    pub accent: Option<Rgb>,
    pub background: Option<Rgb>,
}

/// A house colour that was too faint to read, and what was drawn instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    /// The CSS custom property that set it.
    pub property: &'static str,
    pub given: Rgb,
    pub drawn: Rgb,
    pub background: Rgb,
    pub needed: f64,
}

impl Adjustment {
    /// For the console: what was wrong, by how much, and what was drawn.
    pub fn message(&self) -> String {
        let ratio = |r: f64| crate::format::ENGLISH.number(r, 1);
        format!(
            "{} {} has a contrast of {}:1 against the background {}; charts need {}:1, so it is drawn as {}.",
            self.property,
            self.given.hex(),
            ratio(contrast(self.given, self.background)),
            self.background.hex(),
            ratio(self.needed),
            self.drawn.hex(),
        )
    }
}

impl Palette {
    /// This palette with a host's colours over it: colours derived from
    /// them (gridlines, tracks, the text on bars) follow, every colour is
    /// kept readable on the background, and each house colour that had to
    /// be changed is reported. The accent colours figures' labels as well
    /// as marks, so it needs the contrast of text.
    pub fn with_house_colors(self, house: &HouseColors) -> (Palette, Vec<Adjustment>) {
        let background = house.background.unwrap_or(self.background);
        let mut adjustments = Vec::new();
        let mut checked = |property: &'static str, given: Option<Rgb>, default: Rgb| match given {
            Some(given) => {
                let drawn = readable(given, background, TEXT_CONTRAST);
                if drawn != given {
                    adjustments.push(Adjustment {
                        property,
                        given,
                        drawn,
                        background,
                        needed: TEXT_CONTRAST,
                    });
                }
                drawn
            }
            None => readable(default, background, TEXT_CONTRAST),
        };
        let text = checked("--indicator-chart-text", house.text, self.text);
        let muted_default = if house.text.is_some() {
            text.mix(background, 0.3)
        } else {
            self.muted
        };
        let muted = checked("--indicator-chart-muted", house.muted, muted_default);
        let primary = checked("--indicator-chart-accent", house.accent, self.primary);
        let restyled = house.background.is_some() || house.text.is_some();
        let (grid, track, axis) = if restyled {
            (
                background.mix(text, 0.12),
                background.mix(text, 0.07),
                readable(background.mix(text, 0.5), background, MARK_CONTRAST),
            )
        } else {
            (self.grid, self.track, self.axis)
        };
        let on_primary = [background, text, Rgb(255, 255, 255), Rgb(0, 0, 0)]
            .into_iter()
            .find(|c| contrast(*c, primary) >= TEXT_CONTRAST)
            .unwrap_or(Rgb(0, 0, 0));
        let secondary = readable(self.secondary, background, TEXT_CONTRAST);
        let palette = Palette {
            background,
            text,
            muted,
            grid,
            axis,
            track: readable(track, primary, MARK_CONTRAST),
            primary,
            secondary,
            on_primary,
            page: if house.background.is_some() {
                background
            } else {
                self.page
            },
            // A tint of the error colour, unless it would make text faint.
            error_background: [background.mix(secondary, 0.1), background]
                .into_iter()
                .find(|c| contrast(text, *c) >= TEXT_CONTRAST)
                .unwrap_or(background),
        };
        (palette, adjustments)
    }
}

/// The palette as CSS custom properties (`--ic-background: #ffffff; …`),
/// for the element's and the pages' stylesheets.
pub fn css_custom_properties(palette: &Palette) -> String {
    [
        ("background", palette.background),
        ("text", palette.text),
        ("muted", palette.muted),
        ("grid", palette.grid),
        ("primary", palette.primary),
        ("secondary", palette.secondary),
        ("page", palette.page),
        ("error-background", palette.error_background),
    ]
    .iter()
    .map(|(name, color)| format!("--ic-{name}: {};", color.hex()))
    .collect::<Vec<_>>()
    .join(" ")
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

    /// Every pair of colours that is text on a background somewhere: in a
    /// chart, in the element (tooltips are text on `text`, errors text on
    /// `error_background`, links `primary`) and on the pages (cards on `page`).
    fn text_pairs(p: &Palette) -> [(&'static str, Rgb, Rgb); 11] {
        [
            ("text", p.text, p.background),
            ("muted", p.muted, p.background),
            ("primary", p.primary, p.background),
            ("secondary", p.secondary, p.background),
            ("on_primary", p.on_primary, p.primary),
            ("tooltip", p.background, p.text),
            ("error text", p.text, p.error_background),
            ("page text", p.text, p.page),
            ("page muted", p.muted, p.page),
            ("page link", p.primary, p.page),
            ("table", p.text, p.background),
        ]
    }

    fn unreadable(p: &Palette) -> Vec<String> {
        text_pairs(p)
            .iter()
            .filter(|(_, fg, bg)| contrast(*fg, *bg) < TEXT_CONTRAST)
            .map(|(role, fg, bg)| {
                format!(
                    "{role} {} on {}: {:.2}",
                    fg.hex(),
                    bg.hex(),
                    contrast(*fg, *bg)
                )
            })
            .collect()
    }

    #[test]
    fn text_passes_wcag_aa_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            assert_eq!(
                unreadable(&theme.palette()),
                Vec::<String>::new(),
                "{theme:?}"
            );
        }
    }

    /// The CSS the element and pages are styled with is this palette.
    #[test]
    fn the_css_is_generated_from_the_palette() {
        let css = css_custom_properties(&LIGHT);
        assert!(css.contains("--ic-text: #1a1a1a;"), "{css}");
        assert!(css.contains("--ic-page: #f6f7f8;"), "{css}");
        assert!(css_custom_properties(&DARK).contains("--ic-background: #16181b;"));
    }

    /// A newspaper's house style: a serif page on cream with a gold accent
    /// too faint to read. The accent is darkened until it passes, once,
    /// with a message naming the property; what the host set and passes is
    /// kept as it is; everything stays readable.
    #[test]
    fn a_house_style_is_kept_readable() {
        let cream = Rgb(0xfb, 0xf6, 0xe9);
        let house = HouseColors {
            text: Some(Rgb(0x2b, 0x21, 0x1b)),
            muted: None,
            accent: Some(Rgb(0xf2, 0xc1, 0x4e)),
            background: Some(cream),
        };
        let (palette, adjustments) = LIGHT.with_house_colors(&house);
        assert_eq!(palette.background, cream);
        assert_eq!(palette.text, Rgb(0x2b, 0x21, 0x1b));
        assert_eq!(adjustments.len(), 1, "{adjustments:?}");
        let accent = &adjustments[0];
        assert_eq!(accent.property, "--indicator-chart-accent");
        assert!(contrast(accent.given, cream) < TEXT_CONTRAST);
        assert!(contrast(palette.primary, cream) >= TEXT_CONTRAST);
        assert_eq!(palette.primary, accent.drawn);
        assert!(accent.message().starts_with("--indicator-chart-accent #f2c14e has a contrast of 1.6:1 against the background #fbf6e9; charts need 4.5:1, so it is drawn as #"), "{}", accent.message());
        assert_eq!(unreadable(&palette), Vec::<String>::new());
        assert!(contrast(palette.primary, palette.track) >= MARK_CONTRAST);
        assert!(contrast(palette.axis, palette.background) >= MARK_CONTRAST);
    }

    /// Any colours at all, however unreadable together, come out readable.
    #[test]
    fn any_house_colors_come_out_readable() {
        let levels = [0x00, 0x33, 0x77, 0x99, 0xcc, 0xff];
        let colors: Vec<Rgb> = levels
            .iter()
            .flat_map(|r| levels.iter().map(move |g| Rgb(*r, *g, 0x80)))
            .collect();
        for base in [LIGHT, DARK] {
            for background in &colors {
                for accent in colors.iter().step_by(5) {
                    let house = HouseColors {
                        text: Some(*accent),
                        muted: Some(*accent),
                        accent: Some(*accent),
                        background: Some(*background),
                    };
                    let (palette, _) = base.with_house_colors(&house);
                    let problems = unreadable(&palette);
                    assert!(
                        problems.is_empty(),
                        "{} on {}: {problems:?}",
                        accent.hex(),
                        background.hex()
                    );
                    assert!(contrast(palette.axis, palette.background) >= MARK_CONTRAST);
                }
            }
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
