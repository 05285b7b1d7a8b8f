/**
 * Demo wishes for the demo street (embedded mode, Storybook, trials): a wall with something on
 * it in every public status. Made through the services, so every rule (codes, masking, history)
 * holds exactly as for real wishes.
 */
import { systemClock, type Clock } from '../../domain/time.js';
import type { WishInput } from './model.js';
import { createContext, type Actor } from '../../services/context.js';
import type { Store } from '../../services/store.js';
import { actOnWish, claimWish, fulfilWish, postWish, thankWish } from './service.js';

const demoStaff = (community: string): Actor => ({
  kind: 'staff',
  id: `${community}-demo`,
  name: '社区工作人员',
  role: 'staff',
  community,
});

type Step = 'open' | 'claimed' | 'fulfilled' | 'thanked' | 'pending_review';

const demo: [Omit<WishInput, 'consent' | 'publishConsent'>, Step, string?][] = [
  [
    {
      community: 'xingfuli',
      grid: 'xfl-g1',
      category: 'daily',
      title: '想要一台收音机',
      story: '老伴走后一个人住，眼睛不好看不了手机，想听听戏曲和新闻。',
      wisherName: '王秀英',
      alias: '王奶奶',
      phone: '13800000001',
      value: 80,
    },
    'open',
  ],
  [
    {
      community: 'xingfuli',
      grid: 'xfl-g2',
      category: 'study',
      title: '一套初中数学辅导书',
      story: '孩子上初二，数学跟不上，家里想买一套辅导书但有些困难。',
      wisherName: '刘建华',
      phone: '13800000002',
      value: 120,
    },
    'claimed',
  ],
  [
    {
      community: 'xingfuli',
      grid: 'xfl-g1',
      category: 'repair',
      title: '修一修漏水的水龙头',
      story: '厨房水龙头一直滴水，自己年纪大了修不了，想请人帮忙看看。',
      wisherName: '赵德明',
      phone: '13800000003',
    },
    'thanked',
    '谢谢物业的师傅，修得很好！',
  ],
  [
    {
      community: 'xingfuli',
      category: 'company',
      title: '周末有人陪我下下棋',
      story: '退休后喜欢下象棋，子女在外地，希望周末有人来陪我下两盘。',
      wisherName: '孙志强',
      alias: '一位退休老教师',
      phone: '13800000004',
    },
    'fulfilled',
  ],
  [
    {
      community: 'chunhui',
      grid: 'ch-g1',
      category: 'daily',
      title: '冬天的一床厚棉被',
      story: '家里的被子用了十几年，冬天很冷，希望有一床厚实的棉被。',
      wisherName: '周桂芳',
      phone: '13800000005',
      value: 150,
    },
    'open',
  ],
  [
    {
      community: 'xingfuli',
      grid: 'xfl-g2',
      category: 'other',
      title: '学会用手机视频通话',
      story: '想和在外地的孙子视频，但不会用，希望有志愿者手把手教教我。',
      wisherName: '钱淑珍',
      phone: '13800000006',
    },
    'pending_review',
  ],
];

/**
 * Seeds the demo wishes when the demo communities have none; returns whether it did. The
 * codes made on the way are thrown away (nobody needs to follow a demo wish).
 */
export async function seedDemoWishes(store: Store, clock: Clock = systemClock): Promise<boolean> {
  const community = await store.communities.get('xingfuli');
  if (!community) return false;
  if ((await store.wishes.list({ community: 'xingfuli', limit: 1 })).items.length) return false;
  const resident = createContext(store, { clock });
  for (const [input, step, thanks] of demo) {
    const { id, code } = await postWish(resident, {
      ...input,
      consent: true,
      publishConsent: true,
    });
    if (step === 'pending_review') continue;
    const staff = createContext(store, { clock, actor: demoStaff(input.community) });
    await actOnWish(staff, { id, action: 'approve' });
    if (step === 'open') continue;
    const unit = step === 'thanked';
    const claim = await claimWish(resident, {
      id,
      claimerType: unit ? 'unit' : 'party_member',
      name: unit ? '幸福里物业服务中心' : '李建国',
      phone: '13900000000',
      consent: true,
    });
    if (step === 'claimed') continue;
    await fulfilWish(resident, { claimCode: claim.claimCode, note: '已上门完成，居民很满意。' });
    if (step === 'thanked') await thankWish(resident, { code, message: thanks });
  }
  return true;
}
