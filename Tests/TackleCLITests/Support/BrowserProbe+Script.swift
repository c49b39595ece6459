extension BrowserProbe {
    /// The probe, run in the page once it and its fonts have loaded.
    ///
    /// - Overflow: every element past the page's width (only the outermost of nested ones), and every
    ///   element whose content its `overflow-x` cuts off. `print` mode first rewrites the page's media rules
    ///   (`print` to `all`, `screen` to `not all`), as printing would apply them.
    /// - Glyphs: each distinct CJK character of the page's text nodes (CJK radicals to ideographs, compatibility
    ///   ideographs and forms, full-width forms, the supplementary ideograph planes) is drawn on a canvas in its
    ///   element's computed font and compared, pixel for pixel, with two characters no font has (U+E000,
    ///   U+10FFFD) in that font: the same pixels, or none, is the missing-glyph box, "tofu".
    /// - Charts: for every `svg.chart`, its box, the box of what it draws (`getBBox()`), its `.point`
    ///   elements and how many of them lie outside its box, its `data-chart` and `data-points`.
    /// - The `@page` rule's size and margins; the resource timing entries.
    ///
    /// It leaves the layout as it found it (its report is hidden), so that the same run can print the page,
    /// and passes over `PrintedPDF`'s markers.
    static let probeScript = #"""
        (() => {
          const mode = window.tackleProbeMode;
          const describe = (el) => {
            let d = el.tagName.toLowerCase();
            if (el.id) d += '#' + el.id;
            const cls = el.getAttribute('class');
            if (cls) d += '.' + cls.trim().split(/\s+/).join('.');
            const text = (el.textContent || '').replace(/TACKLEMARK[A-Z]+/g, '').replace(/\s+/g, ' ').trim();
            if (text) d += ' "' + (text.length > 40 ? text.slice(0, 40) + '…' : text) + '"';
            return d;
          };
          const emulatePrint = () => {
            const rewrite = (text) => text.split(',').map((q) => {
              const query = q.trim().toLowerCase();
              if (/\bscreen\b/.test(query)) {
                return /^not\s+screen\b/.test(query) ? query.replace(/^not\s+screen/, 'all') : 'not all';
              }
              return query.replace(/\bprint\b/, 'all');
            }).join(', ');
            const visit = (rules) => {
              for (const rule of rules) {
                if (rule instanceof CSSMediaRule) {
                  rule.media.mediaText = rewrite(rule.media.mediaText);
                }
                if (rule.cssRules) visit(rule.cssRules);
              }
            };
            for (const sheet of document.styleSheets) {
              if (sheet.media && sheet.media.mediaText) sheet.media.mediaText = rewrite(sheet.media.mediaText);
              visit(sheet.cssRules);
            }
          };
          const overflow = (width) => {
            const found = [];
            const beyond = (el) => {
              const r = el.getBoundingClientRect();
              return (r.width > 0 || r.height > 0) && (r.right > width + 0.5 || r.left < -0.5);
            };
            for (const el of document.body.querySelectorAll('*')) {
              if (el.closest('#tackle-probe, .tackle-marker') || el.tagName === 'SCRIPT') continue;
              if (beyond(el) && !(el.parentElement && el.parentElement !== document.body && beyond(el.parentElement))) {
                const r = el.getBoundingClientRect();
                found.push({ element: describe(el), left: r.left, right: r.right, kind: 'beyond' });
              }
              if (!(el instanceof SVGElement)) {
                const ox = getComputedStyle(el).overflowX;
                if (ox !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
                  found.push({ element: describe(el), left: el.clientWidth, right: el.scrollWidth, kind: 'clipped' });
                }
              }
            }
            return found.slice(0, 20);
          };
          const isCJK = (cp) => (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
            (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
          const glyphs = () => {
            const size = 40, canvas = document.createElement('canvas');
            canvas.width = canvas.height = 2 * size;
            const ctx = canvas.getContext('2d', { willReadFrequently: true });
            const draw = (font, ch) => {
              ctx.clearRect(0, 0, canvas.width, canvas.height);
              ctx.font = font;
              ctx.textBaseline = 'top';
              ctx.fillStyle = '#000';
              ctx.fillText(ch, size / 4, size / 4);
              const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
              let ink = 0;
              for (let i = 3; i < data.length; i += 4) if (data[i]) ink++;
              return { ink, data };
            };
            const same = (a, b) => a.ink === b.ink && a.data.every((v, i) => v === b.data[i]);
            const seen = new Map();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const el = node.parentElement;
              if (!el || el.closest('#tackle-probe, .tackle-marker, script, style')) continue;
              for (const ch of node.data) {
                if (!isCJK(ch.codePointAt(0))) continue;
                const cs = getComputedStyle(el);
                const font = `${cs.fontStyle} ${cs.fontWeight} ${size}px ${cs.fontFamily}`;
                const key = ch + '\u0000' + font;
                if (!seen.has(key)) seen.set(key, { ch, font, el });
              }
            }
            const references = new Map(), tofu = [];
            for (const { ch, font, el } of seen.values()) {
              if (!references.has(font)) references.set(font, ['\ue000', '\u{10fffd}'].map((r) => draw(font, r)));
              const drawn = draw(font, ch);
              if (drawn.ink === 0 || references.get(font).some((r) => same(r, drawn))) {
                const codePoint = 'U+' + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
                tofu.push({ character: ch, codePoint, font, element: describe(el) });
              }
            }
            return { checked: new Set([...seen.values()].map((s) => s.ch)).size, tofu };
          };
          const charts = () => [...document.querySelectorAll('svg.chart')].map((svg) => {
            const box = svg.getBoundingClientRect();
            let content = { width: 0, height: 0 };
            try { content = svg.getBBox(); } catch (e) {}
            const points = [...svg.querySelectorAll('.point')];
            const outside = points.filter((p) => {
              const r = p.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
              return x < box.left - 1 || x > box.right + 1 || y < box.top - 1 || y > box.bottom + 1;
            }).length;
            const declared = svg.getAttribute('data-points');
            return { kind: svg.getAttribute('data-chart') || '',
                     declaredPoints: declared === null ? null : Number(declared), points: points.length,
                     pointsOutside: outside, width: box.width, height: box.height,
                     contentWidth: content.width, contentHeight: content.height };
          });
          const page = () => {
            const toPx = (length) => {
              const probe = document.createElement('div');
              probe.style.cssText = 'position:absolute;visibility:hidden;width:' + length;
              document.body.appendChild(probe);
              const px = probe.getBoundingClientRect().width;
              probe.remove();
              return px;
            };
            for (const sheet of document.styleSheets) {
              for (const rule of sheet.cssRules) {
                if (rule instanceof CSSPageRule && !rule.selectorText) {
                  const m = (side) => rule.style.getPropertyValue('margin-' + side);
                  return { size: rule.style.getPropertyValue('size'), marginLeft: m('left') ? toPx(m('left')) : null,
                           marginRight: m('right') ? toPx(m('right')) : null };
                }
              }
            }
            return null;
          };
          const run = () => {
            let result;
            try {
              if (mode === 'print') emulatePrint();
              const width = document.documentElement.clientWidth;
              result = { mode, width, scrollWidth: document.documentElement.scrollWidth,
                         scrollHeight: document.documentElement.scrollHeight,
                         overflow: overflow(width), glyphs: glyphs(), charts: charts(), page: page(),
                         resources: performance.getEntriesByType('resource').map((e) => e.name) };
            } catch (e) {
              result = { error: String(e && e.stack || e) };
            }
            const pre = document.createElement('pre');
            pre.id = 'tackle-probe';
            pre.hidden = true;
            let binary = '';
            for (const byte of new TextEncoder().encode(JSON.stringify(result))) binary += String.fromCharCode(byte);
            pre.textContent = btoa(binary);
            document.body.appendChild(pre);
          };
          window.addEventListener('load', () => document.fonts.ready.then(run));
        })();
        """#
}
