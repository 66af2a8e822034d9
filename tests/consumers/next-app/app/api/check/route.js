// A route handler: POST a request, get the report.
import { check } from 'telehealth-rules';

export async function POST(request) {
  return Response.json(check(await request.json()));
}
