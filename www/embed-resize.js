// Resizes iframes of embed.html to the height their chart posts.
// Add once to a page that embeds charts by iframe:
//   <script src="https://…/embed-resize.js" crossorigin="anonymous" async></script>
// (or paste the function below into the page). Only iframes whose src is
// an embed.html receive a height, and only from the window they show.
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'indicator-chart:height' || !(data.height > 0)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
