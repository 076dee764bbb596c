import { labelsOfList, MemberTagCsvError, parseMemberTagCsv } from './member-tag-csv';

describe('member tag CSV', () => {
  it('reads email and tags columns in any order and case, quoted labels with commas', () => {
    const csv =
      '\uFEFFName,Tags,EMAIL\nAnn,"team a, ""lang, en""",ann@example.com\n\nBob,,bob@example.com\n';
    expect(parseMemberTagCsv(csv)).toEqual([
      { email: 'ann@example.com', tags: ['team a', 'lang, en'] },
      { email: 'bob@example.com', tags: [] },
    ]);
  });

  it('leaves out rows without an email and repeats of a label', () => {
    expect(parseMemberTagCsv('email,tags\n,x\nc@example.com,"x, x ,y"\n')).toEqual([
      { email: 'c@example.com', tags: ['x', 'y'] },
    ]);
  });

  it('refuses a file without the columns, an empty one, bad quoting and long labels', () => {
    expect(() => parseMemberTagCsv('mail,labels\na,b\n')).toThrow(/missing: email, tags/);
    expect(() => parseMemberTagCsv('')).toThrow(MemberTagCsvError);
    expect(() => parseMemberTagCsv('email,tags\na@example.com,"open\n')).toThrow(/parse/);
    expect(() => parseMemberTagCsv(`email,tags\na@example.com,${'x'.repeat(256)}\n`)).toThrow(
      /Row 2: tag .* longer than 255/,
    );
  });

  it('reads a label list', () => {
    expect(labelsOfList(' a, "b, c",a ')).toEqual(['a', 'b, c']);
    expect(labelsOfList('  ')).toEqual([]);
  });
});
