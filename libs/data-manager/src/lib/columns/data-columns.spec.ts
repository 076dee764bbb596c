import { configDataKeys, dataColumns } from './data-columns';

describe('data columns', () => {
  const config = '<View><Text name="t" value="$caption"/><Image name="i" value="$image"/></View>';
  const types = { image: 'Image', caption: 'Text', 'image[{{idx}}]': 'Image' };

  it('orders config keys as the config names them, without repeater keys', () => {
    expect(configDataKeys(types, config)).toEqual(['caption', 'image']);
  });

  it('types config keys by their tag and adds keys only tasks have as Unknown', () => {
    const { children, root } = dataColumns(types, config, ['image', 'extra', '$undefined$']);
    expect(
      children.map(({ id, type, visibility_defaults }) => [id, type, visibility_defaults]),
    ).toEqual([
      ['caption', 'String', { explore: true, labeling: true }],
      ['image', 'Image', { explore: true, labeling: true }],
      ['extra', 'Unknown', { explore: true, labeling: false }],
    ]);
    expect(root).toMatchObject({
      id: 'data',
      type: 'List',
      children: ['caption', 'image', 'extra'],
    });
  });

  it('keeps the key of key-less tasks, titled data, when the config has no object tag', () => {
    const { children } = dataColumns({}, '<View></View>', ['$undefined$']);
    expect(children).toEqual([
      expect.objectContaining({ id: '$undefined$', title: 'data', type: 'Unknown' }),
    ]);
  });
});
