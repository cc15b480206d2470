/** How each relation kind reads to a Vietnamese reader, in both directions. */
import type { RelationKind } from '../model/references.ts';

export const RELATION_LABELS: Record<RelationKind, { outgoing: string; incoming: string }> = {
  implements: { outgoing: 'Thực hiện', incoming: 'Được thực hiện bởi' },
  'based-on': { outgoing: 'Căn cứ', incoming: 'Là căn cứ của' },
  replaces: { outgoing: 'Thay thế', incoming: 'Bị thay thế bởi' },
  amends: { outgoing: 'Sửa đổi, bổ sung', incoming: 'Được sửa đổi, bổ sung bởi' },
  repeals: { outgoing: 'Bãi bỏ', incoming: 'Bị bãi bỏ bởi' },
  guides: { outgoing: 'Hướng dẫn thực hiện', incoming: 'Được hướng dẫn bởi' },
  cites: { outgoing: 'Dẫn chiếu', incoming: 'Được dẫn chiếu trong' },
};
