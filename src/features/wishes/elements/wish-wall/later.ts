/**
 * What <sq-wish-wall> loads with its first data, right after its first render: the wish model
 * (schemas, rules) and the wish fields' messages in zh-CN (shown only once an action fails;
 * English has them in its one lazily loaded file). Its own strings win, as in the English file,
 * and so do strings a page has set.
 */
import zhFields from '../../locales/zh-CN/wish-fields.js';
import zhCN from '../../locales/zh-CN/wish-wall.js';
import { i18n } from '../../../../ui/localize.js';

export * from '../../model.js';
/** The claim dialog's choices: adopted when this loads, out of the first render. */
export { choiceStyles } from '../../../../ui/choice-styles.js';

i18n.addResourceBundle('zh-CN', 'wish-wall', { ...zhFields, ...zhCN }, true);
/** The filters and the wish's dialog (claim form, receipt), with their styles. */
export * from './views.js';
