/**
 * The reference pages beside the lessons (术语表, 文明用语速查卡) and the job aids (一次性告知单, 来电留言单): each one's
 * name (its title, and the label of links to it) and the other pages it links to at its foot, in that order. The job
 * aids are printed forms, so they point to the card and to each other, not to the glossary.
 */
export const REFERENCE_PAGES = {
  'glossary.html': { name: '术语表', links: ['reference-card.html', 'notice-form.html', 'phone-message-form.html'] },
  'reference-card.html': { name: '文明用语速查卡', links: ['glossary.html', 'notice-form.html', 'phone-message-form.html'] },
  'notice-form.html': { name: '一次性告知单（模板）', links: ['reference-card.html', 'phone-message-form.html'] },
  'phone-message-form.html': { name: '来电留言单', links: ['reference-card.html', 'notice-form.html'] },
} as const;

export type ReferencePageName = keyof typeof REFERENCE_PAGES;
