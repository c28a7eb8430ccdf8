//! Golden tests: every chart rendered natively and compared pixel by pixel
//! with a reference PNG in `src/surface/golden/`.
//!
//! - `UPDATE_GOLDEN=1 cargo test golden` rewrites the references on purpose.
//! - A missing reference fails, naming the command that writes it.
//! - A mismatch writes `target/golden-diff/<name>.png` — expected | diff |
//!   actual side by side, differing pixels in red — for a person to look at.

use std::path::{Path, PathBuf};

use crate::format::{ENGLISH, Locale};
use crate::layout::Options;
use crate::model::{Chart, all_charts};
use crate::theme::Theme;

use super::bitmap::{self, Image};

/// The variants each chart is pinned in: a wide light chart at 1×, and a
/// phone-width dark chart at 2×.
const VARIANTS: [(&str, f64, f64, Theme); 2] = [
    ("light-640", 640.0, 1.0, Theme::Light),
    ("dark-360-2x", 360.0, 2.0, Theme::Dark),
];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/surface/golden")
}

fn diff_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/golden-diff")
}

fn read_png(path: &Path) -> Option<Image> {
    Image::from_png(&std::fs::read(path).ok()?).ok()
}

fn write_png(path: &Path, image: &Image) {
    let bytes = image.to_png().expect("an RGB image encodes");
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Pixels that differ between two images (all of the larger one's extra area).
fn differing_pixels(a: &Image, b: &Image) -> usize {
    let (width, height) = (a.width.max(b.width), a.height.max(b.height));
    (0..height)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .filter(|&(x, y)| pixel(a, x, y) != pixel(b, x, y))
        .count()
}

fn pixel(image: &Image, x: u32, y: u32) -> Option<[u8; 3]> {
    (x < image.width && y < image.height).then(|| {
        let i = (y as usize * image.width as usize + x as usize) * 3;
        [image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]]
    })
}

/// expected | diff | actual, differing pixels red on a faded copy of expected.
fn side_by_side(expected: &Image, actual: &Image) -> Image {
    let (width, height) = (
        expected.width.max(actual.width),
        expected.height.max(actual.height),
    );
    let mut out = Image {
        width: width * 3,
        height,
        rgb: vec![255; (width * 3 * height) as usize * 3],
    };
    for y in 0..height {
        for x in 0..width {
            let (e, a) = (pixel(expected, x, y), pixel(actual, x, y));
            let diff = if e == a {
                e.map_or([255; 3], |p| p.map(|c| 192 + c / 4))
            } else {
                [220, 0, 0]
            };
            for (panel, color) in [
                (0, e.unwrap_or([255; 3])),
                (1, diff),
                (2, a.unwrap_or([255; 3])),
            ] {
                let i = (y as usize * out.width as usize + (panel * width + x) as usize) * 3;
                out.rgb[i..i + 3].copy_from_slice(&color);
            }
        }
    }
    out
}

/// Renders `chart` in `variant` and compares it with its reference.
/// Returns a description of the failure, if any.
fn check(chart: Chart, variant: &(&str, f64, f64, Theme), locale: Locale) -> Option<String> {
    let (name, width, scale, theme) = *variant;
    let options = Options {
        pixel_ratio: scale,
        locale,
        ..Options::new(width, theme)
    };
    let actual = match bitmap::render(chart, &options) {
        Ok(image) => image,
        Err(e) => return Some(format!("{}: render failed: {e}", chart.id())),
    };
    let file = format!("{}-{name}.png", chart.id());
    let reference = golden_dir().join(&file);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).expect("golden dir");
        write_png(&reference, &actual);
        return None;
    }
    let Some(expected) = read_png(&reference) else {
        return Some(format!(
            "{file}: no reference in src/surface/golden; run `UPDATE_GOLDEN=1 cargo test golden` and look at it"
        ));
    };
    let differing = differing_pixels(&expected, &actual);
    if differing == 0 {
        return None;
    }
    std::fs::create_dir_all(diff_dir()).expect("diff dir");
    let diff = diff_dir().join(&file);
    write_png(&diff, &side_by_side(&expected, &actual));
    Some(format!(
        "{file}: {differing} pixels differ (expected {}×{}, got {}×{}); see {}",
        expected.width,
        expected.height,
        actual.width,
        actual.height,
        diff.display()
    ))
}

#[test]
fn golden_every_chart_matches_its_reference() {
    let failures: Vec<String> = all_charts()
        .flat_map(|chart| {
            VARIANTS
                .iter()
                .filter_map(move |variant| check(chart, variant, ENGLISH))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} golden mismatch(es):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_french_numbers() {
    let french = Locale::from_tag("fr").expect("known");
    let chart = crate::model::find_chart("gdp-growth-average").expect("exists");
    if let Some(failure) = check(chart, &("fr-light-640", 640.0, 1.0, Theme::Light), french) {
        panic!("{failure}");
    }
}

#[test]
fn a_mismatch_is_counted_and_pictured() {
    let a = Image {
        width: 2,
        height: 1,
        rgb: vec![0, 0, 0, 9, 9, 9],
    };
    let b = Image {
        width: 2,
        height: 2,
        rgb: vec![0, 0, 0, 8, 8, 8, 1, 1, 1, 1, 1, 1],
    };
    assert_eq!(differing_pixels(&a, &b), 3);
    let picture = side_by_side(&a, &b);
    assert_eq!((picture.width, picture.height), (6, 2));
    // expected | diff | actual, each two pixels wide.
    assert_eq!(pixel(&picture, 1, 0), Some([9, 9, 9]), "expected, left");
    assert_eq!(pixel(&picture, 5, 0), Some([8, 8, 8]), "actual, right");
    assert_eq!(pixel(&picture, 2, 0), Some([192, 192, 192]), "same: faded");
    assert_eq!(pixel(&picture, 3, 0), Some([220, 0, 0]), "differs: red");
    // Where only one image has pixels, the other panel is white and the
    // difference red.
    assert_eq!(pixel(&picture, 0, 1), Some([255, 255, 255]));
    assert_eq!(pixel(&picture, 4, 1), Some([1, 1, 1]));
    assert_eq!(pixel(&picture, 2, 1), Some([220, 0, 0]));
}
