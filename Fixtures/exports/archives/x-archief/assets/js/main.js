/* the archive viewer's code: no data */
window.addEventListener('load', () => {});
