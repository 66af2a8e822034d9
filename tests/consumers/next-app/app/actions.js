'use server';
// A server action: runs on the server when the client component calls it.
import { checkLocation } from 'telehealth-rules';

export async function locate(state) {
  return checkLocation({ state }).jurisdiction?.code ?? 'none';
}
