//! Share cards: each chart as a 1200×630 PNG, the picture a social network
//! shows for a shared link (`og:image`, Twitter's large summary card) and
//! the oEmbed thumbnail. Drawn at build time by the bitmap surface with the
//! committed fonts, so a card is the chart a reader sees, and the same
//! bytes on every machine.
//!
//! A chart is never squashed to the card's shape: it is laid out at the
//! width and pixel ratio that draw it largest within the card at its
//! natural height, and centred on its own background.

use crate::layout::{ChartError, Options, Scene, layout};
use crate::model::Chart;
use crate::surface::bitmap::{self, Image};
use crate::surface::fonts::LiberationMetrics;
use crate::theme::Theme;

/// The card's size in pixels: what Open Graph consumers and Twitter's
/// `summary_large_image` ask for (1.91:1).
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// The CSS widths tried, narrowest first: a narrower chart wraps its text
/// into more lines and grows taller, so the best scale lies where its
/// height and width both nearly fill the card. Below 400 the layout takes
/// a phone's smaller margins.
const WIDTHS: std::ops::RangeInclusive<u32> = 400..=1200;
const WIDTH_STEP: usize = 20;

/// The largest scale: a short chart scaled further would set its body text
/// as large as a headline, which a card shown small does not need.
const MAX_SCALE: f64 = 3.0;

/// `chart` laid out to be drawn largest within the card: at the CSS width
/// and pixel ratio that give the largest scale at which it is at most
/// 1200×630.
pub fn fit(chart: Chart) -> Result<Scene, ChartError> {
    let mut best: Option<Options> = None;
    for width in WIDTHS.step_by(WIDTH_STEP).map(f64::from) {
        let natural = layout(
            chart,
            &Options::new(width, Theme::Light),
            &LiberationMetrics,
        )?;
        let scale = (f64::from(CARD_WIDTH) / width)
            .min(f64::from(CARD_HEIGHT) / f64::from(natural.height))
            .min(MAX_SCALE);
        // Narrower wins a tie: a chart whose height its width does not
        // change (the timeline) would otherwise sit in the card's left part.
        if best.is_none_or(|b| scale > b.pixel_ratio) {
            best = Some(Options {
                pixel_ratio: scale,
                ..Options::new(width, Theme::Light)
            });
        }
    }
    let mut options = best.ok_or_else(|| ChartError::Options("no width to try".into()))?;
    // Text and rules snap to whole device pixels, so a chart laid out at a
    // scale can come out a few pixels larger than the scale times its
    // natural size: step the scale down until it fits.
    for _ in 0..20 {
        let scene = layout(chart, &options, &LiberationMetrics)?;
        if scene.width <= CARD_WIDTH && scene.height <= CARD_HEIGHT {
            return Ok(scene);
        }
        options.pixel_ratio *= 0.99;
    }
    Err(ChartError::Options(format!(
        "{} does not fit a {CARD_WIDTH}×{CARD_HEIGHT} card at any scale tried",
        chart.id()
    )))
}

/// `chart`'s share card: the chart fitted, centred on its own background.
pub fn render(chart: Chart) -> Result<Image, ChartError> {
    let scene = fit(chart)?;
    let picture = bitmap::paint_scene(&scene)?;
    let background = scene
        .background
        .unwrap_or(Theme::Light.palette().background);
    let mut card = Image::filled(CARD_WIDTH, CARD_HEIGHT, background);
    card.place(
        &picture,
        (CARD_WIDTH - scene.width) / 2,
        (CARD_HEIGHT - scene.height) / 2,
    );
    Ok(card)
}

/// `chart`'s share card as PNG bytes.
pub fn png(chart: Chart) -> Result<Vec<u8>, super::SiteError> {
    let card =
        render(chart).map_err(|e| format!("drawing the share card of {}: {e}", chart.id()))?;
    Ok(card
        .to_png()
        .map_err(|e| format!("encoding the share card of {}: {e}", chart.id()))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{all_charts, find_chart};

    /// Pixels that are not the card's background colour (its top-left pixel).
    fn drawn_pixels(card: &Image) -> usize {
        let background = &card.rgb[..3];
        card.rgb.chunks(3).filter(|p| *p != background).count()
    }

    #[test]
    fn every_card_is_1200_by_630_and_drawn_on() {
        for chart in all_charts() {
            let bytes = png(chart).expect("renders");
            let card = Image::from_png(&bytes).expect("decodes");
            assert_eq!((card.width, card.height), (1200, 630), "{}", chart.id());
            // A chart has a title, a source line and its figure: thousands
            // of pixels of ink, never a blank card.
            let drawn = drawn_pixels(&card);
            assert!(drawn > 10_000, "{}: only {drawn} pixels drawn", chart.id());
        }
    }

    #[test]
    fn a_card_fills_the_width_or_the_height_without_squashing() {
        for chart in all_charts() {
            let scene = fit(chart).expect("fits");
            let (width, height) = (f64::from(scene.width), f64::from(scene.height));
            // Laid out at one scale for both axes, within the card, and as
            // large as it allows along one side (within the pixel snapping).
            assert!(
                scene.width <= CARD_WIDTH && scene.height <= CARD_HEIGHT,
                "{}: {width}×{height}",
                chart.id()
            );
            let fills = width / f64::from(CARD_WIDTH) >= 0.95
                || height / f64::from(CARD_HEIGHT) >= 0.95
                || scene.pixel_ratio == MAX_SCALE;
            assert!(
                fills,
                "{}: {width}×{height} at scale {:.2} leaves the card mostly empty",
                chart.id(),
                scene.pixel_ratio
            );
            // Every chart but the 23-event timeline is drawn at least at
            // the size a page shows it: its text is at least as legible.
            if chart.id() != "timeline" {
                assert!(
                    scene.pixel_ratio >= 1.0,
                    "{}: scale {:.2} sets text smaller than on the page",
                    chart.id(),
                    scene.pixel_ratio
                );
            }
        }
    }

    #[test]
    fn a_card_is_the_same_bytes_every_time() {
        let chart = find_chart("trade-balance-2015").expect("exists");
        assert_eq!(png(chart).expect("renders"), png(chart).expect("renders"));
    }
}
