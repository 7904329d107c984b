import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// Model and user text is untrusted. Markdown is parsed to HTML, then DOMPurify keeps only the tags and attributes
// below: no script, style, iframe, form or event handler survives, and links keep only http(s) and mailto URLs
// (javascript:, data: and relative tricks are dropped). Links open in a new tab without an opener.
const markdown = new Marked({ gfm: true, breaks: true, async: false });

const allowedTags = [
  'p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
];
const safeUrl = /^(?:https?:|mailto:)/i;

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!safeUrl.test(href.trim())) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (node.tagName === 'INPUT') {
    // GFM task-list boxes only, and never editable.
    if (node.getAttribute('type') !== 'checkbox') node.remove();
    else node.setAttribute('disabled', '');
  }
});

export function renderMarkdown(text: string): string {
  const html = markdown.parse(text) as string;
  return purifier.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'title', 'type', 'checked', 'disabled', 'align'],
    ALLOW_DATA_ATTR: false,
  });
}
