/**
 * 复姓: compound surnames kept whole when masking (`欧阳娜娜` → `欧阳*娜`). The common ones from
 * the 百家姓 list; a rare one missing here still masks safely, only one character shorter.
 */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 轩辕 澹台 端木 ' +
    '独孤 南宫 西门 申屠 太史 万俟 闻人 钟离 呼延 赫连 百里 东郭 拓跋 公冶 司空 濮阳 淳于 ' +
    '单于 仲孙 宗政 羊舌 微生 梁丘 左丘 东门 第五 公羊 谷梁 完颜 乐正 漆雕 壤驷 公良 巫马 ' +
    '亓官 司寇 子车 颛孙 段干 闾丘 公西 太叔 鲜于 申屠'
  ).split(' '),
);

/**
 * Masks a person's name for public output: the surname and the last character stay, the rest
 * becomes one `*` (so the length is not revealed either).
 * `张三丰` → `张*丰`, `张三` → `张*`, `欧阳娜娜` → `欧阳*娜`.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  const rest = chars.slice(keep);
  const head = chars.slice(0, keep).join('');
  return rest.length <= 1 ? `${head}*` : `${head}*${rest[rest.length - 1]}`;
}

/**
 * Masks a normalised phone number: `13812341234` → `138****1234`; a landline keeps its first
 * three and last two digits (`01012345678` → `010****78`); anything else only its last two.
 */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`;
  if (/^0\d{9,11}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(-2)}`;
  return value.length <= 2 ? '**' : `****${value.slice(-2)}`;
}

/** Full-width digits (１３８…) as typed on Chinese keyboards, read as ASCII ones. */
const asciiDigits = (text: string) =>
  text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** 18-digit 身份证号: region, birth date, sequence, check digit (X allowed). */
const ID_NUMBER =
  /(?<![0-9])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
/** A mobile number, maybe with +86/0086 and spaces or dashes between digits. */
const MOBILE = /(?<![0-9])(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![0-9])/g;
/** A landline with its area code (`010-12345678`, `0571 87654321`). */
const LANDLINE = /(?<![0-9])0\d{2,3}[\s-]?\d{7,8}(?![0-9])/g;

/**
 * Free text as it may be published (wish stories, thanks, replies): 身份证号 hidden,
 * mobile and landline numbers masked like `maskPhone`, and each of `names` (the item's own
 * people) masked like `maskName`. The original stays staff-only; public views show this.
 */
export function scrubPublicText(text: string, names: readonly (string | undefined)[] = []): string {
  let out = asciiDigits(text)
    .replace(ID_NUMBER, (id) => '*'.repeat(id.length))
    .replace(MOBILE, (phone) =>
      maskPhone(phone.replace(/\D/g, '').replace(/^(?:0086|86)(?=1)/, '')),
    )
    .replace(LANDLINE, (phone) => maskPhone(phone.replace(/\D/g, '')));
  for (const name of names) {
    const whole = name?.trim();
    // One character is too short to tell a name from an ordinary word.
    if (whole && Array.from(whole).length >= 2) out = out.split(whole).join(maskName(whole));
  }
  return out;
}
