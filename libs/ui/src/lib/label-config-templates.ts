/** A starting label config offered on the create-project page. */
export interface LabelConfigTemplate {
  id: string;
  title: string;
  /** The data a task needs, to show how to import. */
  sample: Record<string, string>;
  config: string;
}

export const LABEL_CONFIG_TEMPLATES: readonly LabelConfigTemplate[] = [
  {
    id: 'text-classification',
    title: 'Text classification',
    sample: { text: 'The service was quick and friendly.' },
    config: `<View>
  <Text name="text" value="$text"/>
  <Choices name="sentiment" toName="text" choice="single" showInline="true">
    <Choice value="Positive"/>
    <Choice value="Negative"/>
    <Choice value="Neutral"/>
  </Choices>
</View>`,
  },
  {
    id: 'named-entity-recognition',
    title: 'Named entity recognition',
    sample: { text: 'Ada Lovelace worked with Charles Babbage in London.' },
    config: `<View>
  <Labels name="label" toName="text">
    <Label value="Person" background="#ff8800"/>
    <Label value="Organization" background="#0088ff"/>
    <Label value="Location" background="#22aa44"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>`,
  },
  {
    id: 'image-bounding-boxes',
    title: 'Image bounding boxes',
    sample: { image: '/data/upload/1/picture.png' },
    config: `<View>
  <Image name="image" value="$image"/>
  <RectangleLabels name="label" toName="image">
    <Label value="Cat" background="#ff4444"/>
    <Label value="Dog" background="#4444ff"/>
  </RectangleLabels>
</View>`,
  },
  {
    id: 'image-classification',
    title: 'Image classification',
    sample: { image: '/data/upload/1/picture.png' },
    config: `<View>
  <Image name="image" value="$image"/>
  <Choices name="choice" toName="image">
    <Choice value="Cat"/>
    <Choice value="Dog"/>
    <Choice value="Other"/>
  </Choices>
</View>`,
  },
  {
    id: 'audio-transcription',
    title: 'Audio transcription',
    sample: { audio: '/data/upload/1/recording.wav' },
    config: `<View>
  <Audio name="audio" value="$audio"/>
  <TextArea name="transcription" toName="audio" rows="4" editable="true" maxSubmissions="1"/>
</View>`,
  },
];
