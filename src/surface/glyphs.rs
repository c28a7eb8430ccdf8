//! Text for bitmaps (golden images, share cards), set with ab_glyph
//! directly. plotters' bitmap text rounded each glyph to whole pixels on
//! its own and placed it by a box of its own making, so letters drifted
//! apart ("Sou rces", "te xt") and rode off the baseline (a raised "u").
//! Here a line's glyphs are placed on one shared, unrounded baseline at
//! the advances and kerning `LiberationMetrics` measures, and each is
//! drawn from its outline's own pixel bounds with its coverage blended.

use ab_glyph::{Font, PxScale, ScaleFont, point};

use super::fonts::{faces, height_per_em};
use crate::theme::Rgb;

/// An RGB buffer to draw into.
pub struct Target<'a> {
    pub rgb: &'a mut [u8],
    pub width: u32,
    pub height: u32,
}

/// A line of text set from `x` (its left edge, after alignment) with the
/// top of its em box at `top`, `em` device pixels per em.
pub struct Line<'a> {
    pub text: &'a str,
    pub x: f32,
    pub top: f32,
    pub em: f32,
    pub bold: bool,
    pub color: Rgb,
}

/// Draws `line` into `target`; what falls outside is left out.
pub fn draw(target: &mut Target<'_>, line: &Line<'_>) {
    let (regular, bold) = faces();
    let font = if line.bold { bold } else { regular };
    // ab_glyph's scale is the ascent-to-descent height.
    let scale = PxScale::from(line.em * height_per_em() as f32);
    let scaled = font.as_scaled(scale);
    // A canvas's `textBaseline = "top"` is the top of the em box, which
    // holds ascent and descent in their proportion.
    let ascent = scaled.ascent();
    let baseline = line.top + line.em * ascent / (ascent - scaled.descent());
    let mut caret = line.x;
    let mut previous = None;
    for c in line.text.chars() {
        let id = font.glyph_id(c);
        if let Some(previous) = previous {
            caret += scaled.kern(previous, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(scale, point(caret, baseline));
        caret += scaled.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue; // a space
        };
        let bounds = outline.px_bounds();
        let (left, top) = (bounds.min.x as i32, bounds.min.y as i32);
        outline.draw(|gx, gy, coverage| {
            let (px, py) = (left + gx as i32, top + gy as i32);
            if px < 0 || py < 0 || px >= target.width as i32 || py >= target.height as i32 {
                return;
            }
            let at = (py as usize * target.width as usize + px as usize) * 3;
            let cover = coverage.min(1.0);
            for (channel, ink) in
                target.rgb[at..at + 3]
                    .iter_mut()
                    .zip([line.color.0, line.color.1, line.color.2])
            {
                let blended = f32::from(*channel) * (1.0 - cover) + f32::from(ink) * cover;
                *channel = blended.round() as u8;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::MeasureText;
    use crate::surface::fonts::LiberationMetrics;

    const BLACK: Rgb = Rgb(0, 0, 0);

    /// `text` set at 18 px on white, and each column's inked rows.
    fn columns(text: &str, bold: bool) -> Vec<Vec<usize>> {
        let (width, height) = (400, 40);
        let mut rgb = [255u8, 255, 255].repeat(width * height);
        let mut target = Target {
            rgb: &mut rgb,
            width: width as u32,
            height: height as u32,
        };
        let line = Line {
            text,
            x: 10.3,
            top: 10.6,
            em: 18.0,
            bold,
            color: BLACK,
        };
        draw(&mut target, &line);
        (0..width)
            .map(|x| {
                (0..height)
                    .filter(|y| rgb[(y * width + x) * 3] < 128)
                    .collect()
            })
            .collect()
    }

    /// The widest run of blank columns between the first and last ink.
    fn widest_gap(columns: &[Vec<usize>]) -> usize {
        let inked: Vec<usize> = (0..columns.len())
            .filter(|&x| !columns[x].is_empty())
            .collect();
        inked.windows(2).map(|w| w[1] - w[0] - 1).max().unwrap_or(0)
    }

    /// The words the old rasteriser split ("Sou rces", "te xt") are set
    /// with no gap wider than a letter's side bearings, and a line's ink
    /// spans the width the layout measured for it.
    #[test]
    fn letters_of_a_word_keep_their_spacing() {
        for bold in [false, true] {
            for word in ["Sources", "text", "undated", "Liu", "million"] {
                let columns = columns(word, bold);
                let gap = widest_gap(&columns);
                assert!(gap <= 3, "{word} (bold: {bold}): a {gap}-px gap");
                let first = columns.iter().position(|c| !c.is_empty()).expect("ink");
                let last = columns.iter().rposition(|c| !c.is_empty()).expect("ink");
                let measured = LiberationMetrics.width(word, 18.0, bold);
                let ink = (last - first + 1) as f64;
                // Within the side bearings of the first and last letter.
                assert!(
                    ink <= measured + 1.0 && ink >= measured - 4.0,
                    "{word}: ink {ink} px wide, measured {measured:.1}"
                );
            }
        }
        // A space is a gap: wider than any inside a word.
        assert!(widest_gap(&columns("te xt", false)) >= 5);
    }

    /// Letters stand on one baseline: "n", "u", "i", "m" and "r" each reach
    /// down to the same row (the old "u" rode a pixel high).
    #[test]
    fn letters_stand_on_one_baseline() {
        for bold in [false, true] {
            let columns = columns("n u i m r u n", bold);
            // Each letter is a run of inked columns; its lowest ink.
            let mut bottoms: Vec<usize> = Vec::new();
            let mut run: Option<usize> = None;
            for column in &columns {
                match (column.iter().max(), run) {
                    (Some(&low), Some(r)) => run = Some(r.max(low)),
                    (Some(&low), None) => run = Some(low),
                    (None, Some(r)) => {
                        bottoms.push(r);
                        run = None;
                    }
                    (None, None) => {}
                }
            }
            assert_eq!(bottoms.len(), 7, "one run per letter");
            let (low, high) = (
                bottoms.iter().min().expect("stems"),
                bottoms.iter().max().expect("stems"),
            );
            assert!(high - low <= 1, "stems end on rows {low} to {high}");
        }
    }

    #[test]
    fn text_outside_the_target_is_left_out() {
        let mut rgb = [255u8, 255, 255].repeat(4 * 4);
        let mut target = Target {
            rgb: &mut rgb,
            width: 4,
            height: 4,
        };
        let line = Line {
            text: "Wide text",
            x: -20.0,
            top: -5.0,
            em: 40.0,
            bold: true,
            color: BLACK,
        };
        draw(&mut target, &line);
        assert_eq!(rgb.len(), 48);
    }
}
