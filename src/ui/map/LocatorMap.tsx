// Locator map on place cards (issue #6): the country outline highlighted among its neighbours, and a marker for a
// city when the card has coordinates. The Natural Earth data is loaded on first use (it is ~100 KB), not bundled.
import { useEffect, useState } from 'preact/hooks';
import type { Card } from '../../core/card';
import { t } from '../../shared/i18n';
import { atlasFromTopology, countryPath, findCountry, intersects, locatorView, type Atlas } from './geo';

/** Loads the raw `countries-110m.json` topology. main.tsx fetches it from the extension; tests read the file. */
export type AtlasLoader = () => Promise<unknown>;

const cache = new WeakMap<AtlasLoader, Promise<Atlas>>();
function getAtlas(load: AtlasLoader): Promise<Atlas> {
  let p = cache.get(load);
  if (!p) {
    p = load().then(atlasFromTopology);
    cache.set(load, p);
  }
  return p;
}

/** Where a place is (Card.place, issue #6); read defensively because older cards do not carry it. */
export interface CardPlace { iso2?: string; country?: string; lat?: number; lon?: number }

/** What to draw for a card, or null when the card is not a place we can locate. */
export function mapTarget(card: Card): { iso2?: string; names: string[]; marker: { lon: number; lat: number } | null } | null {
  if (card.type !== 'country' && card.type !== 'city' && card.type !== 'region') return null;
  const p = (card as Card & { place?: CardPlace }).place;
  const marker = p && typeof p.lat === 'number' && typeof p.lon === 'number' ? { lon: p.lon, lat: p.lat } : null;
  const names: string[] = [];
  if (p?.country) names.push(p.country);
  if (card.type === 'country') names.push(card.name);
  else {
    // Without Card.place, a city or region is located by the country it is part of (the card builder's labels).
    for (const g of card.relations) if (/^part of$/i.test(g.label)) names.push(...g.items.map((i) => i.name));
    for (const f of card.facts) if (/^country$/i.test(f.label)) names.push(f.value);
  }
  if (!p?.iso2 && !names.length && !marker) return null;
  return { ...(p?.iso2 ? { iso2: p.iso2 } : {}), names, marker };
}

export function LocatorMap({ card, loadAtlas }: { card: Card; loadAtlas: AtlasLoader }) {
  const target = mapTarget(card);
  const [atlas, setAtlas] = useState<Atlas | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!target) return;
    let live = true;
    getAtlas(loadAtlas).then((a) => live && setAtlas(a), () => live && setFailed(true));
    return () => { live = false; };
  }, [loadAtlas, !!target]);
  if (!target || failed || !atlas) return null;

  const country = findCountry(atlas, target);
  if (!country && !target.marker) return null;
  const v = locatorView(country, target.marker);
  const titleId = `map-title-${card.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const label = country ? t('mapLabel', [card.name, country.name]) : t('mapLabelNoCountry', card.name);
  const stroke = { 'vector-effect': 'non-scaling-stroke' } as Record<string, string>;
  return (
    <figure class="locator">
      <svg class="locator-svg" viewBox={`${v.x} ${v.y} ${v.w} ${v.h}`} role="img" aria-labelledby={titleId}
        preserveAspectRatio="xMidYMid slice" data-country={country?.id ?? ''}>
        <title id={titleId}>{label}</title>
        <rect x={v.x} y={v.y} width={v.w} height={v.h} class="locator-sea" />
        {atlas.countries.filter((c) => c !== country && intersects(c, v)).map((c) => (
          <path key={c.id ?? c.name} d={countryPath(c, v)} class="locator-land" {...stroke} />
        ))}
        {country && <path d={countryPath(country, v)} class="locator-target" {...stroke} />}
        {target.marker && (
          <circle class="locator-marker" cx={target.marker.lon * v.k} cy={-target.marker.lat} r={v.w / 70} {...stroke} />
        )}
      </svg>
      <figcaption class="visually-hidden">{label}</figcaption>
    </figure>
  );
}
