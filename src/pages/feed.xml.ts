/** Atom feed of the newest directives. */
import type { APIRoute } from 'astro';
import { getLibrary } from '../site/library.ts';
import { directivePath } from '../model/ids.ts';
import { absolute } from '../site/urls.ts';
import { escapeXml } from '../html/escape.ts';

const FEED_SIZE = 50;

export const GET: APIRoute = async ({ site }) => {
  const lib = await getLibrary();
  const latest = lib.directives.slice(0, FEED_SIZE);
  const updated = `${latest[0]?.data.issued ?? '2000-01-01'}T00:00:00Z`;
  const entries = latest.map((d) => {
    const url = absolute(directivePath(d.id), site);
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(`${d.typeName} ${d.data.number}: ${d.title}`)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <updated>${d.data.issued}T00:00:00Z</updated>
    <author><name>${escapeXml(d.issuer.name)}</name></author>
    <category term="${escapeXml(d.data.type)}" label="${escapeXml(d.typeName)}"/>
    <summary>${escapeXml(`${d.typeName} số ${d.data.number} ngày ${d.data.issued} của ${d.issuer.name}: ${d.title}`)}</summary>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>${escapeXml(absolute('', site))}</id>
  <title>Thư viện văn bản chỉ đạo: văn bản mới</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(absolute('feed.xml', site))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(absolute('', site))}"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
