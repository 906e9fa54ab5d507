//! The donor report in headless Chromium without JavaScript, in French and in Arabic: the
//! dashboard's charts are drawn (their screenshot holds bars in the accent colour), the Arabic
//! page mirrors them, and the printable report opens with its charts.

use super::browser::{browser, chromedriver, click, serve, sign_in_to, WAIT};
use super::reporting::registrant;
use app::domain::accounts::role::Role;
use fantoccini::{Client, Locator};
use passerelle_tests::{Backend, TestApp};
use std::io::Read;

/// The bars' fill (`--accent` in style/main.css).
const ACCENT: [u8; 3] = [0x0b, 0x6e, 0x4f];

/// The pixels of a PNG as Chromium writes screenshots (8-bit RGB or RGBA, not interlaced).
fn pixels(png: &[u8]) -> Vec<[u8; 3]> {
    let (mut width, mut channels, mut data) = (0usize, 0usize, Vec::new());
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().expect("length")) as usize;
        let kind = &png[at + 4..at + 8];
        let body = &png[at + 8..at + 8 + len];
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(body[0..4].try_into().expect("width")) as usize;
                assert_eq!(body[8], 8, "8-bit channels");
                channels = match body[9] {
                    2 => 3,
                    6 => 4,
                    other => panic!("colour type {other}"),
                };
            }
            b"IDAT" => data.extend_from_slice(body),
            _ => {}
        }
        at += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&data[..])
        .read_to_end(&mut raw)
        .expect("the image data");
    let stride = width * channels;
    let mut previous = vec![0u8; stride];
    let mut out = Vec::new();
    for line in raw.chunks(stride + 1) {
        let (filter, line) = (line[0], &line[1..]);
        let mut current = vec![0u8; stride];
        for i in 0..stride {
            let left = if i >= channels {
                current[i - channels]
            } else {
                0
            };
            let up = previous[i];
            let up_left = if i >= channels {
                previous[i - channels]
            } else {
                0
            };
            let predicted = match filter {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                _ => {
                    let p = i16::from(left) + i16::from(up) - i16::from(up_left);
                    let (pa, pb, pc) = (
                        (p - i16::from(left)).abs(),
                        (p - i16::from(up)).abs(),
                        (p - i16::from(up_left)).abs(),
                    );
                    if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    }
                }
            };
            current[i] = line[i].wrapping_add(predicted);
        }
        out.extend(current.chunks(channels).map(|p| [p[0], p[1], p[2]]));
        previous = current;
    }
    out
}

/// How many pixels of a chart's screenshot are the bars' colour.
async fn bar_pixels(b: &Client, chart: &str) -> usize {
    let svg = b
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&format!("[data-test='{chart}'] svg")))
        .await
        .expect("the chart");
    let png = svg.screenshot().await.expect("a screenshot of the chart");
    if let Ok(folder) = std::env::var("PASSERELLE_SCREENSHOTS") {
        let path = format!("{folder}/{chart}-{}.png", png.len());
        std::fs::write(path, &png).expect("the screenshot saved");
    }
    pixels(&png).iter().filter(|p| **p == ACCENT).count()
}

async fn report_without_javascript(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.user("admin@example.org", Role::Admin).await;
    for n in 1..=6 {
        let email = format!("femme{n}@example.org");
        registrant(
            &app, &email, "female", "2000", "SN", "tanger", "migrant", "resident",
        )
        .await;
    }
    for n in 1..=5 {
        let email = format!("homme{n}@example.org");
        registrant(
            &app, &email, "male", "1990", "CI", "rabat", "host", "citizen",
        )
        .await;
    }
    let base = serve(&app).await;
    let driver = chromedriver().await;
    let b = browser(&driver, false).await;
    b.set_window_size(360, 800).await.expect("a phone's width");
    sign_in_to(&b, &base, "admin@example.org", "/admin").await;

    b.goto(&format!("{base}/reporting?by=sex"))
        .await
        .expect("the report");
    assert!(
        bar_pixels(&b, "funnel-chart").await > 200,
        "the funnel has bars"
    );
    assert!(
        bar_pixels(&b, "dimension-chart").await > 200,
        "women and men have bars"
    );
    let registered = b
        .find(Locator::Css("[data-indicator='registered'] td"))
        .await
        .expect("the registered row");
    assert_eq!(registered.text().await.expect("text"), "11");

    // A cohort chosen with the plain form: Rabat, five men.
    click(&b, "#city option[value='rabat']").await;
    click(&b, "[data-test='report-filters'] button[type='submit']").await;
    b.wait()
        .at_most(WAIT)
        .for_url(
            &url::Url::parse(&format!(
                "{base}/reporting?period=&call=&training=&city=rabat"
            ))
            .expect("url"),
        )
        .await
        .expect("the filtered report");

    // In Arabic the page and its charts run right to left.
    click(&b, "button[data-locale='ar']").await;
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("html[dir='rtl'] svg[direction='rtl']"))
        .await
        .expect("a mirrored chart");
    b.goto(&format!("{base}/reporting"))
        .await
        .expect("the report");
    assert!(
        bar_pixels(&b, "funnel-chart").await > 200,
        "the Arabic funnel has bars"
    );
    let heading = b
        .find(Locator::Css("h1"))
        .await
        .expect("h1")
        .text()
        .await
        .expect("text");
    assert_eq!(heading, "تقرير للجهة المانحة");

    b.goto(&format!("{base}/reporting/print"))
        .await
        .expect("the printable report");
    b.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(
            "[data-test='printed-report'] [data-dimension='legal_status']",
        ))
        .await
        .expect("every dimension on paper");
    assert!(
        bar_pixels(&b, "funnel-chart").await > 200,
        "the printed funnel has bars"
    );
    b.close().await.expect("close");
}

#[test]
fn browser_report_without_javascript_on_sqlite() {
    passerelle_tests::block_on(async {
        report_without_javascript(Backend::Sqlite).await;
    })
}
