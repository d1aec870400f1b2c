/** The sun's place in the sky at a time and place (suncalc 2: degrees, azimuth from north), and the zone of coordinates. */
import tzLookup from '@photostructure/tz-lookup'
import { getPosition, getTimes } from 'suncalc'
import { localTimeWithOffset, SunPosition, type SunRequest } from '@shared/domain'

/** The IANA zone a point falls in (mid-ocean: Etc/GMT±N); null for impossible coordinates. */
export function zoneAt(latitude: number, longitude: number): string | null {
  try {
    return tzLookup(latitude, longitude)
  } catch {
    return null
  }
}

const iso = (d: Date | null | undefined) => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : null)
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places

export function sunAt({ at, latitude, longitude }: SunRequest): SunPosition {
  const date = new Date(at)
  const p = getPosition(date, latitude, longitude)
  const t = getTimes(date, latitude, longitude)
  const zone = zoneAt(latitude, longitude) ?? 'UTC'
  const up = p.altitude > 0
  return SunPosition.parse({
    at: date.toISOString(),
    latitude,
    longitude,
    altitude: round(p.altitude),
    azimuth: round(p.azimuth),
    zone,
    localTime: localTimeWithOffset(date.toISOString(), zone),
    sunrise: iso(t.sunrise),
    sunset: iso(t.sunset),
    solarNoon: iso(t.solarNoon),
    shadowAzimuth: up ? round((p.azimuth + 180) % 360) : null,
    shadowRatio: up ? round(1 / Math.tan((p.altitude * Math.PI) / 180)) : null,
  })
}
