import { createContext, useContext } from 'react';
import type { Me } from '../api/model';

export interface SignedIn {
  me: Me;
  unreadCount: number;
  /** Reads the person (balance) and the unread count again; answers the fresh person. */
  refresh: () => Promise<Me>;
}

export const MeContext = createContext<SignedIn | null>(null);

/** The signed-in person; only pages inside the signed-in layout call this. */
export function useMe(): SignedIn {
  const signedIn = useContext(MeContext);
  if (!signedIn) throw new Error('useMe is used outside the signed-in layout');
  return signedIn;
}
