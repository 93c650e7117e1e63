import { msg, type Message } from '../../common/errors';
import { RegionLevel } from '../hierarchy.enums';

/** The level that sits directly under a level (DOMAIN §3: city → district → township). */
export function childLevelOf(level: RegionLevel): RegionLevel | null {
  if (level === RegionLevel.CITY) return RegionLevel.DISTRICT;
  if (level === RegionLevel.DISTRICT) return RegionLevel.TOWNSHIP;
  return null;
}

const levelNames: Record<RegionLevel, string> = { CITY: '市', DISTRICT: '区/县', TOWNSHIP: '镇/街道' };

/** DOMAIN §3: a region's level must be the one directly under its parent's. */
export function checkLevelUnderParent(level: RegionLevel, parentLevel: RegionLevel): Message | null {
  if (childLevelOf(parentLevel) === level) return null;
  return msg(
    `${levelNames[level]}级行政区划不能设在${levelNames[parentLevel]}级之下`,
    `A ${level} region cannot sit under a ${parentLevel} region`,
  );
}

/**
 * DOMAIN §3: administrative division codes — 6 digits for city and county level, 9 digits for
 * townships — and a child's code starts with its parent's prefix (city: 4 digits, district: 6 digits).
 */
export function checkDivisionCode(
  level: RegionLevel,
  code: string,
  parentCode: string | null,
): Message | null {
  const digits = level === RegionLevel.TOWNSHIP ? 9 : 6;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) {
    return msg(
      `行政区划代码应为${digits}位数字`,
      `The division code of a ${level} region has ${digits} digits`,
    );
  }
  if (parentCode === null) return null;
  const prefix = level === RegionLevel.TOWNSHIP ? parentCode.slice(0, 6) : parentCode.slice(0, 4);
  if (!code.startsWith(prefix)) {
    return msg(
      `行政区划代码应以上级代码前缀 ${prefix} 开头`,
      `The division code must start with its parent's prefix ${prefix}`,
    );
  }
  return null;
}

/** A name is 1–100 characters after trimming. */
export function checkName(name: string, max = 100): Message | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return msg('名称不能为空', 'The name must not be empty');
  if (trimmed.length > max)
    return msg(`名称不能超过${max}个字符`, `The name must be at most ${max} characters`);
  return null;
}
