//! Test-only checks on a laid-out scene that a reader would notice: text
//! running off the chart, and labels overlapping one another. Used natively
//! (with the committed font's metrics) and in the browser (with the
//! canvas's own measurements).

use super::scene::{Align, Mark, Role, Scene};

/// A text mark's box in device pixels: (text, x0, y0, x1, y1).
type TextBox<'a> = (&'a str, f64, f64, f64, f64);

fn text_boxes<'a>(scene: &'a Scene, width_of: &dyn Fn(&str, Role) -> f64) -> Vec<TextBox<'a>> {
    scene
        .marks
        .iter()
        .filter_map(|mark| match mark {
            Mark::Text {
                x,
                y,
                text,
                role,
                align,
                ..
            } => {
                let width = width_of(text, *role);
                let x = f64::from(*x);
                let x0 = match align {
                    Align::Left => x,
                    Align::Center => x - width / 2.0,
                    Align::Right => x - width,
                };
                let em = role.spec().0 * scene.pixel_ratio;
                let y0 = f64::from(*y);
                Some((text.as_str(), x0, y0, x0 + width, y0 + em))
            }
            _ => None,
        })
        .collect()
}

/// Every text that leaves the chart or overlaps another, described.
pub fn text_problems(scene: &Scene, width_of: &dyn Fn(&str, Role) -> f64) -> Vec<String> {
    let boxes = text_boxes(scene, width_of);
    let (width, height) = (f64::from(scene.width), f64::from(scene.height));
    let mut problems = Vec::new();
    // Half a pixel of slack for rounding.
    let slack = 0.5;
    for (text, x0, y0, x1, y1) in &boxes {
        if *x0 < -slack || *x1 > width + slack || *y0 < -slack || *y1 > height + slack {
            problems.push(format!("\"{text}\" at ({x0:.0}, {y0:.0})–({x1:.0}, {y1:.0}) leaves the {width}×{height} chart"));
        }
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap_x = a.3.min(b.3) - a.1.max(b.1);
            let overlap_y = a.4.min(b.4) - a.2.max(b.2);
            if overlap_x > slack
                && overlap_y > slack
                && !a.0.trim().is_empty()
                && !b.0.trim().is_empty()
            {
                problems.push(format!("\"{}\" overlaps \"{}\"", a.0, b.0));
            }
        }
    }
    problems
}
