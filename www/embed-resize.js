// Resizes iframes of embed.html to the height their chart posts.
// Add once to a page that embeds charts by iframe:
//   <script src="https://…/embed-resize.js" crossorigin="anonymous" async></script>
// (or paste the function below into the page). A message cannot steer the
// page: a height is taken only from the window an iframe of ours shows (its
// src on this script's own origin, or, pasted without a script address, an
// embed.html), only from that origin, and only between 100 and 6000 px.
(() => {
  const script = document.currentScript;
  const origin = script && script.src ? new URL(script.src).origin : null;
  const ours = (frame) => {
    try {
      const src = new URL(frame.src, location.href);
      return origin ? src.origin === origin : src.pathname.endsWith('/embed.html');
    } catch {
      return false;
    }
  };
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'indicator-chart:height') return;
    const height = Math.ceil(Number(data.height));
    if (!(height >= 100 && height <= 6000)) return;
    if (origin && event.origin !== origin) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source && ours(frame)) frame.style.height = `${height}px`;
    }
  });
  // A frame that drew before this script arrived (it loads async) has
  // already posted its height to no one: ask each frame of ours again.
  for (const frame of document.querySelectorAll('iframe')) {
    if (ours(frame)) frame.contentWindow?.postMessage({ type: 'indicator-chart:measure' }, origin ?? '*');
  }
})();
