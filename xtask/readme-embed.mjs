// Writes the README's script embed example (between <!-- embed:begin -->
// and <!-- embed:end -->) from www/embed-code.js, the source "Copy embed
// code" uses, with a build's hash, module name and picture, so that the
// README shows exactly what the button copies. Run by `cargo xtask
// integrity`: node xtask/readme-embed.mjs DIST_DIR README.md
// (embed-code.spec.mjs checks the two agree.)

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// www/ has no package.json saying its scripts are ES modules (the build's
// esbuild reads them as such): import the file's text as one.
const source = readFileSync(new URL('../www/embed-code.js', import.meta.url), 'utf8');
const { embedCode } = await import(`data:text/javascript,${encodeURIComponent(source)}`);

export const EXAMPLE_CHART = 'gdp-growth-average';
export const EXAMPLE_HOST = 'https://YOUR-HOST/';
const [BEGIN, END] = ['<!-- embed:begin -->', '<!-- embed:end -->'];

const unescape = (text) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The attributes of the first `<tag …>` in `html` after `from`. */
function attributesOf(html, tag, from) {
  const start = html.indexOf(`<${tag} `, from);
  if (start < 0) throw new Error(`no <${tag}> after the example chart in index.html`);
  const source = html.slice(start, html.indexOf('>', start));
  return {
    end: start + source.length,
    ...Object.fromEntries(
      [...source.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, unescape(value)]),
    ),
  };
}

/** The embed code of the example chart, as the build in `dist` copies it. */
export function exampleCode(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const at = html.indexOf(`<indicator-chart indicator="${EXAMPLE_CHART}"`);
  if (at < 0) throw new Error(`index.html has no chart ${EXAMPLE_CHART}`);
  const link = attributesOf(html, 'a', at);
  const image = attributesOf(html, 'img', link.end);
  const integrity = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8'));
  const moduleFile = Object.keys(integrity).find((name) => name.endsWith('.wasm'));
  // The chart's title, as its own page gives it to link previews.
  const page = readFileSync(join(dist, 'charts', `${EXAMPLE_CHART}.html`), 'utf8');
  const title = attributesOf(page, 'meta property="og:title"', 0).content;
  return embedCode(
    'script',
    {
      id: EXAMPLE_CHART,
      title,
      picture: {
        linkStyle: link.style ?? '',
        imageStyle: image.style ?? '',
        alt: image.alt,
        width: image.width,
        height: image.height,
      },
    },
    { url: (path) => `${EXAMPLE_HOST}${path}`, integrity: integrity['indicator-chart.js'], moduleFile },
  );
}

/** The example the README shows now. */
export function readmeExample(readme) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} block`);
  return readme
    .slice(start + BEGIN.length, end)
    .replace(/^\s*```html\n/, '')
    .replace(/\n```\s*$/, '');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [dist, readmePath] = process.argv.slice(2);
  const readme = readFileSync(readmePath, 'utf8');
  const code = exampleCode(dist);
  if (readmeExample(readme) === code) {
    console.log('README.md already shows the current embed code');
  } else {
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    writeFileSync(readmePath, `${readme.slice(0, start)}${BEGIN}\n\`\`\`html\n${code}\n\`\`\`\n${readme.slice(end)}`);
    console.log('README.md now shows the current embed code');
  }
}
