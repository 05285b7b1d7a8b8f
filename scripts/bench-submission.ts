/** The public complaint both server benchmarks submit (bench-server.ts, bench-submit-cpu.ts). */
export const BENCH_COMMUNITY = 'xingfuli';

export const benchSubmission = JSON.stringify({
  community: BENCH_COMMUNITY,
  category: 'noise',
  description: '楼上每天晚上十二点以后还在装修，电钻声吵得老人睡不着。',
  location: {
    community: BENCH_COMMUNITY,
    grid: 'xfl-g1',
    building: 'xfl-g1-b2',
    unit: 'xfl-g1-b2-u1',
  },
  contact: { name: '张三丰', phone: '138-1234-1234' },
  consent: true,
});
