/**
 * What <sq-wish-review> loads with its first data, right after its first render: the signed-in
 * view (queue.ts: counts, queue, actions) with the wish model (schemas, rules, the limits of its
 * notes) and, in zh-CN, the queue's strings and the wish fields' messages (English has them in
 * its one lazily loaded file). Its own strings win, as in the English file, and so do strings a
 * page has set.
 */
import zhFields from '../../locales/zh-CN/wish-fields.js';
import zhQueue from '../../locales/zh-CN/wish-review-queue.js';
import zhCN from '../../locales/zh-CN/wish-review.js';
import { i18n } from '../../../../ui/localize.js';

export { renderReview, reviewStyles } from './queue.js';

i18n.addResourceBundle('zh-CN', 'wish-review', { ...zhFields, ...zhCN, ...zhQueue }, true);
