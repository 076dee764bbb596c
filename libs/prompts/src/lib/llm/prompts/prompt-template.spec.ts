import {
  parseTemplate,
  renderTemplate,
  templateFields,
  TemplateSyntaxError,
} from './prompt-template';

describe('prompt templates', () => {
  it('reads {field} placeholders and {{ }} as literal braces', () => {
    expect(parseTemplate('Classify {text} as {{"label": x}} ({ title })')).toEqual([
      { text: 'Classify ' },
      { field: 'text' },
      { text: ' as {"label": x} (' },
      { field: 'title' },
      { text: ')' },
    ]);
    expect(templateFields('{a} {b} {a}')).toEqual(['a', 'b']);
  });

  it('refuses an unclosed brace, a lone closing one and an empty placeholder', () => {
    expect(() => parseTemplate('Classify {text')).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate('Classify text}')).toThrow(/single "}"/);
    expect(() => parseTemplate('Classify {}')).toThrow(/names no field/);
    expect(() => parseTemplate('Classify { }')).toThrow(/names no field/);
  });

  it('renders values: text as is, anything else as JSON', () => {
    expect(renderTemplate('{text} / {n} / {{x}}', { text: 'hi', n: 3 })).toBe('hi / 3 / {x}');
  });
});
