/** The site icon: a red square with 评, as SVG (browsers take SVG at /favicon.ico when the type says so). */
export const faviconSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#a61b1b"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">评</text></svg>';
export const faviconPath = '/assets/favicon-v1.svg';
