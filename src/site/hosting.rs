//! What a host must send with the files of `dist/`, written by the build as
//! a `_headers` file (the format Netlify and Cloudflare Pages read; `cargo
//! xtask serve` reads it too, so what the tests see is what a host is told).
//! The README's hosting section gives the same rules for nginx, Caddy and
//! an S3-style bucket, and says why each is needed.

/// One rule: a path pattern (`*` matches any run of characters) and the
/// headers every file it matches is sent with. Every matching rule applies.
pub struct Rule {
    pub pattern: &'static str,
    pub headers: &'static [(&'static str, &'static str)],
    /// Why, for the comment above the rule in `_headers`.
    pub why: &'static str,
}

/// Read by scripts on other sites: CORS without credentials, and the
/// timings a page's own measurements may read.
const CROSS_ORIGIN: [(&str, &str); 3] = [
    ("Access-Control-Allow-Origin", "*"),
    ("Cross-Origin-Resource-Policy", "cross-origin"),
    ("Timing-Allow-Origin", "*"),
];

pub const RULES: [Rule; 7] = [
    Rule {
        pattern: "/*",
        headers: &[("X-Content-Type-Options", "nosniff")],
        why: "Every file is sent with its own type; browsers are told not to guess.",
    },
    Rule {
        pattern: "/indicator-chart.js",
        headers: &[
            CROSS_ORIGIN[0],
            CROSS_ORIGIN[1],
            CROSS_ORIGIN[2],
            (
                "Cache-Control",
                "public, max-age=300, stale-while-revalidate=86400",
            ),
        ],
        why: "The embed script: a module script on another site's page, so CORS is required \
              (without it the page shows only the static picture). Its address never changes, \
              so it is cached briefly and revalidated.",
    },
    Rule {
        pattern: "/indicator-charts.*.wasm",
        headers: &[
            CROSS_ORIGIN[0],
            CROSS_ORIGIN[1],
            CROSS_ORIGIN[2],
            ("Content-Type", "application/wasm"),
            ("Cache-Control", "public, max-age=31536000, immutable"),
        ],
        why: "The module, fetched by the embed script from the host's origin: CORS is required. \
              application/wasm lets the browser compile it while it downloads. Its name carries \
              a hash of its bytes, so it can be kept a year: a reader who saw one chart \
              downloads no module for the next.",
    },
    Rule {
        pattern: "/embed-resize.js",
        headers: &[
            CROSS_ORIGIN[0],
            CROSS_ORIGIN[1],
            ("Cache-Control", "public, max-age=86400"),
        ],
        why: "The iframe embed's resizer, loaded by other sites' pages.",
    },
    Rule {
        pattern: "/embed.js",
        headers: &[
            CROSS_ORIGIN[0],
            CROSS_ORIGIN[1],
            ("Cache-Control", "public, max-age=300"),
        ],
        why: "The iframe page's own script. WordPress sandboxes the iframe (sandbox=\"allow-scripts\"), \
              so the page's origin is opaque (null) and each module script it loads (this and \
              indicator-chart.js) and each fetch (the module) is cross-origin: CORS is required.",
    },
    Rule {
        pattern: "/charts/*",
        headers: &[
            CROSS_ORIGIN[0],
            CROSS_ORIGIN[1],
            ("Cache-Control", "public, max-age=3600"),
        ],
        why: "Static pictures of the charts, shown by embed code before (or instead of) the \
              canvas; cross-origin so that pages that isolate themselves may show them.",
    },
    Rule {
        pattern: "/data/*",
        headers: &[CROSS_ORIGIN[0], ("Cache-Control", "public, max-age=3600")],
        why: "The figures as JSON and CSV, for anyone's scripts to read.",
    },
];

/// `_headers` in the Netlify / Cloudflare Pages format.
pub fn headers_file() -> String {
    let mut out = String::from(
        "# What a host must send with these files (see the README, \"Hosting\").\n\
         # Written by the build; the format Netlify and Cloudflare Pages read.\n",
    );
    for rule in &RULES {
        out.push('\n');
        for line in wrap_comment(rule.why) {
            out.push_str("# ");
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str(rule.pattern);
        out.push('\n');
        for (name, value) in rule.headers {
            out.push_str(&format!("  {name}: {value}\n"));
        }
    }
    out
}

fn wrap_comment(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.len() + word.len() > 76 {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// Whether `path` matches `pattern`, where `*` matches any run of characters.
pub fn matches(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, tail)) => {
            path.starts_with(head)
                && (0..=path.len() - head.len()).any(|skip| {
                    let rest = &path[head.len()..];
                    rest.is_char_boundary(skip) && matches(tail, &rest[skip..])
                })
        }
    }
}

/// A `_headers` file read back: (pattern, [(name, value)]) in order.
pub fn parse(file: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in file.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            rules.push((trimmed.to_string(), Vec::new()));
        } else if let (Some((_, headers)), Some((name, value))) =
            (rules.last_mut(), trimmed.split_once(':'))
        {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_as_hosts_read_them() {
        assert!(matches("/*", "/index.html"));
        assert!(matches(
            "/indicator-charts.*.wasm",
            "/indicator-charts.0123abcd.wasm"
        ));
        assert!(!matches("/indicator-charts.*.wasm", "/indicator-charts.js"));
        assert!(matches("/charts/*", "/charts/timeline.svg"));
        assert!(!matches("/indicator-chart.js", "/indicator-chart.json"));
        assert!(matches("/a*b*c", "/aXXbYYc"));
    }

    /// The file reads back as the rules it was written from.
    #[test]
    fn the_headers_file_reads_back() {
        let rules = parse(&headers_file());
        assert_eq!(rules.len(), RULES.len());
        for ((pattern, headers), rule) in rules.iter().zip(&RULES) {
            assert_eq!(pattern, rule.pattern);
            let expected: Vec<(String, String)> = rule
                .headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect();
            assert_eq!(headers, &expected);
        }
    }

    /// The embed's files are readable from other sites, and the module is
    /// cached for good while the script's stable address is not.
    #[test]
    fn the_embed_gets_cors_and_fitting_caching() {
        let headers_of = |path: &str| -> Vec<(&str, &str)> {
            RULES
                .iter()
                .filter(|r| matches(r.pattern, path))
                .flat_map(|r| r.headers.iter().copied())
                .collect()
        };
        for path in [
            "/indicator-chart.js",
            "/indicator-charts.0123abcd.wasm",
            "/embed-resize.js",
            "/embed.js",
        ] {
            assert!(
                headers_of(path).contains(&("Access-Control-Allow-Origin", "*")),
                "{path}"
            );
        }
        let cache = |path: &str| {
            headers_of(path)
                .into_iter()
                .find(|(n, _)| *n == "Cache-Control")
                .map(|(_, v)| v)
        };
        assert!(cache("/indicator-charts.0123abcd.wasm").is_some_and(|v| v.contains("immutable")));
        assert!(cache("/indicator-chart.js").is_some_and(|v| v.contains("max-age=300")));
    }
}
