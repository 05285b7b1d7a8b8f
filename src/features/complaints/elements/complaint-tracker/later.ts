/**
 * What <sq-complaint-tracker> loads right after its first render: the complaint fields'
 * messages in zh-CN (shown only after a check; English has them in its one lazily loaded
 * file). Its own strings win, as in the English file, and so do strings a page has set.
 */
import zhFields from '../../locales/zh-CN/complaint-fields.js';
import zhCN from '../../locales/zh-CN/complaint-tracker.js';
import { i18n } from '../../../../ui/localize.js';

i18n.addResourceBundle('zh-CN', 'complaint-tracker', { ...zhFields, ...zhCN }, true);
