import { fetchPage, type IdRange } from './cursor-page';

const ids = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));

// An in-memory stand-in for the database query the repositories run.
async function query(args: { id?: IdRange; order: 'asc' | 'desc'; take: number }) {
  const sorted = args.order === 'asc' ? [...ids] : [...ids].reverse();
  return sorted
    .filter((row) => (args.id?.lt === undefined || row.id < args.id.lt) && (args.id?.gt === undefined || row.id > args.id.gt))
    .slice(0, args.take);
}

const names = (page: { data: { id: string }[] }) => page.data.map((row) => row.id).join('');

describe('fetchPage', () => {
  it('walks forward through a descending list and back again', async () => {
    const first = await fetchPage({ limit: 2, order: 'desc' }, query);
    expect([names(first), first.before, first.after]).toEqual(['ed', null, 'd']);
    const second = await fetchPage({ limit: 2, order: 'desc', after: first.after! }, query);
    expect([names(second), second.before, second.after]).toEqual(['cb', 'c', 'b']);
    const third = await fetchPage({ limit: 2, order: 'desc', after: second.after! }, query);
    expect([names(third), third.after]).toEqual(['a', null]);
    const back = await fetchPage({ limit: 2, order: 'desc', before: second.before! }, query);
    expect([names(back), back.before, back.after]).toEqual(['ed', null, 'd']);
  });

  it('walks an ascending list', async () => {
    const first = await fetchPage({ limit: 3, order: 'asc' }, query);
    expect([names(first), first.after]).toEqual(['abc', 'c']);
    const second = await fetchPage({ limit: 3, order: 'asc', after: 'c' }, query);
    expect([names(second), second.before, second.after]).toEqual(['de', 'd', null]);
  });
});
