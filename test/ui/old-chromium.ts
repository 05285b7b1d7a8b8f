/**
 * Makes this page's CustomStateSet behave as in Chromium 90–124 (WeChat XWeb builds among them):
 * only dashed names (`--loading`) are accepted; `add('loading')` throws. `added` lists what was
 * added meanwhile; `restore()` undoes it all.
 */
export function emulateDashedStates(): { added: string[]; restore: () => void } {
  const proto = CustomStateSet.prototype;
  const { add, delete: remove } = proto;
  const added: string[] = [];
  const guard = (name: string) => {
    if (!name.startsWith('--'))
      throw new DOMException(`'${name}' is not a valid state`, 'SyntaxError');
  };
  proto.add = function (this: CustomStateSet, name: string) {
    guard(name);
    added.push(name);
    return this;
  };
  proto.delete = function (name: string) {
    guard(name);
    return false;
  };
  return {
    added,
    restore() {
      proto.add = add;
      proto.delete = remove;
    },
  };
}
