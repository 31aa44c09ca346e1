// The story world's word banks: the names, animals, places and things a young child's story is made
// of. Plots draw from these so that a plot written once can happen to many people in many places.
// Every word here is one a teacher can project (the corpus filter checks the output regardless).

export const GIRL_NAMES = [
  'Lily', 'Ava', 'Emma', 'Sara', 'Lucy', 'Anna', 'Zoe', 'Ella', 'Ruby', 'Greta', 'Amy', 'Lila', 'Rosa', 'Nina', 'Maya',
  'Ivy', 'Daisy', 'Molly', 'Kate', 'Jenny', 'Hannah', 'Chloe', 'Sophie', 'Leah', 'Tina', 'Rita', 'Julia', 'Clara', 'Alice',
  'Nora', 'Lena', 'Poppy', 'Holly', 'Jane', 'Sally', 'Amber', 'Hazel', 'Olive', 'Bella', 'Luna', 'Ada', 'Iris', 'Eva',
  'Mira', 'Tara', 'Dina', 'Kim', 'Sue', 'Beth', 'Meg', 'Jill', 'Fay', 'Jo', 'Pam', 'Lisa', 'Gina', 'Rose', 'May',
] as const;

export const BOY_NAMES = [
  'Tom', 'Ben', 'Sam', 'Max', 'Leo', 'Jack', 'Tim', 'Noah', 'Finn', 'Jake', 'Luke', 'Ryan', 'Adam', 'Owen', 'Eli', 'Theo',
  'Oscar', 'Henry', 'Leon', 'Hugo', 'Felix', 'Milo', 'Jonah', 'Peter', 'Paul', 'Dan', 'Bob', 'Joe', 'Ned', 'Ted', 'Ray',
  'Roy', 'Carl', 'Alex', 'Mark', 'Nick', 'Zack', 'Kai', 'Omar', 'Ravi', 'Amir', 'Ali', 'Jim', 'Wes', 'Bill', 'Ken',
  'Pete', 'Louis', 'Simon', 'Oliver', 'Lucas', 'Ethan', 'Ivan', 'Jay', 'Dev', 'Rod', 'Gus', 'Hal', 'Abe',
] as const;

/** Names an animal in a story answers to; used for pets and animal heroes. */
export const ANIMAL_NAMES = [
  'Pip', 'Spot', 'Buddy', 'Coco', 'Fluffy', 'Patch', 'Rex', 'Bingo', 'Sandy', 'Tiny', 'Pepper', 'Nutmeg', 'Button',
  'Whiskers', 'Snowy', 'Ginger', 'Biscuit', 'Pickles', 'Bubbles', 'Dot', 'Bean', 'Rusty', 'Shadow', 'Honey', 'Socks',
  'Scout', 'Bonnie', 'Peanut', 'Muffin', 'Cookie', 'Blue', 'Clover', 'Flash', 'Hoppy', 'Squeak', 'Tweet', 'Ziggy',
] as const;

export interface Species {
  name: string;
  /** The noise it makes, as a verb: "barked". */
  sound: string;
  /** How it moves, past tense: "ran", "hopped". */
  moves: string;
  /** Where it lives: "a little house", "a nest". */
  home: string;
  /** What it likes to eat. */
  food: string;
  /** Its young: "puppy". */
  baby: string;
  /** Could be a pet at home. */
  pet: boolean;
}

export const SPECIES: readonly Species[] = [
  { name: 'dog', sound: 'barked', moves: 'ran', home: 'a little house in the yard', food: 'bones', baby: 'puppy', pet: true },
  { name: 'cat', sound: 'meowed', moves: 'ran', home: 'a soft basket', food: 'fish', baby: 'kitten', pet: true },
  { name: 'rabbit', sound: 'squeaked', moves: 'hopped', home: 'a hole under a tree', food: 'carrots', baby: 'bunny', pet: true },
  { name: 'bird', sound: 'sang', moves: 'flew', home: 'a nest', food: 'seeds', baby: 'chick', pet: true },
  { name: 'duck', sound: 'quacked', moves: 'waddled', home: 'a nest by the pond', food: 'bread', baby: 'duckling', pet: false },
  { name: 'frog', sound: 'croaked', moves: 'jumped', home: 'a lily pad on the pond', food: 'flies', baby: 'tadpole', pet: false },
  { name: 'bear', sound: 'growled', moves: 'walked', home: 'a big cave', food: 'honey', baby: 'cub', pet: false },
  { name: 'mouse', sound: 'squeaked', moves: 'ran', home: 'a tiny hole in the wall', food: 'cheese', baby: 'pup', pet: true },
  { name: 'fox', sound: 'barked', moves: 'ran', home: 'a den in the woods', food: 'berries', baby: 'cub', pet: false },
  { name: 'owl', sound: 'hooted', moves: 'flew', home: 'a hole in an old tree', food: 'bugs', baby: 'owlet', pet: false },
  { name: 'turtle', sound: 'hissed', moves: 'crawled', home: 'a pond', food: 'leaves', baby: 'hatchling', pet: true },
  { name: 'horse', sound: 'neighed', moves: 'ran', home: 'a barn', food: 'hay', baby: 'foal', pet: false },
  { name: 'cow', sound: 'mooed', moves: 'walked', home: 'a barn', food: 'grass', baby: 'calf', pet: false },
  { name: 'pig', sound: 'oinked', moves: 'trotted', home: 'a pen on the farm', food: 'apples', baby: 'piglet', pet: false },
  { name: 'sheep', sound: 'baaed', moves: 'walked', home: 'a field on the farm', food: 'grass', baby: 'lamb', pet: false },
  { name: 'hen', sound: 'clucked', moves: 'walked', home: 'a coop', food: 'corn', baby: 'chick', pet: false },
  { name: 'squirrel', sound: 'chattered', moves: 'ran', home: 'a nest high in a tree', food: 'nuts', baby: 'kit', pet: false },
  { name: 'lion', sound: 'roared', moves: 'walked', home: 'a warm rock', food: 'meat', baby: 'cub', pet: false },
  { name: 'monkey', sound: 'chattered', moves: 'climbed', home: 'a tall tree', food: 'bananas', baby: 'baby monkey', pet: false },
  { name: 'elephant', sound: 'trumpeted', moves: 'walked', home: 'a big green field', food: 'peanuts', baby: 'calf', pet: false },
  { name: 'puppy', sound: 'yipped', moves: 'ran', home: 'a soft bed', food: 'treats', baby: 'puppy', pet: true },
  { name: 'kitten', sound: 'mewed', moves: 'ran', home: 'a warm box', food: 'milk', baby: 'kitten', pet: true },
  { name: 'goat', sound: 'bleated', moves: 'jumped', home: 'a little shed', food: 'grass', baby: 'kid', pet: false },
  { name: 'hamster', sound: 'squeaked', moves: 'ran', home: 'a cage with a wheel', food: 'seeds', baby: 'pup', pet: true },
  { name: 'deer', sound: 'snorted', moves: 'ran', home: 'the quiet woods', food: 'leaves', baby: 'fawn', pet: false },
  { name: 'penguin', sound: 'squawked', moves: 'waddled', home: 'the cold ice', food: 'fish', baby: 'chick', pet: false },
  { name: 'dragon', sound: 'roared', moves: 'flew', home: 'a cave on a hill', food: 'pancakes', baby: 'little dragon', pet: false },
];

export const speciesByName = (name: string): Species => {
  const s = SPECIES.find((x) => x.name === name);
  if (!s) throw new Error(`Unknown species "${name}"`);
  return s;
};

/** Grown-ups by role: the narrator's name for them and what a child calls them. */
export const FAMILY = [
  { role: 'mom', name: 'Mom', sex: 'f' }, { role: 'dad', name: 'Dad', sex: 'm' },
  { role: 'grandma', name: 'Grandma', sex: 'f' }, { role: 'grandpa', name: 'Grandpa', sex: 'm' },
  { role: 'aunt', name: 'Aunt Bea', sex: 'f' }, { role: 'uncle', name: 'Uncle Joe', sex: 'm' },
] as const;

export const TOWN_GROWNUPS = [
  { role: 'teacher', name: 'Miss Green', sex: 'f' }, { role: 'teacher', name: 'Mr. Hill', sex: 'm' },
  { role: 'baker', name: 'Mr. Brown', sex: 'm' }, { role: 'farmer', name: 'Farmer Dan', sex: 'm' },
  { role: 'neighbor', name: 'Mrs. Lee', sex: 'f' }, { role: 'doctor', name: 'Dr. Stone', sex: 'f' },
  { role: 'shopkeeper', name: 'Mrs. Gray', sex: 'f' }, { role: 'mail carrier', name: 'Mr. Cole', sex: 'm' },
] as const;

/** Places a story can happen (plots choose the preposition: "went to", "at", "in"). */
export const PLACES = [
  'the park', 'the beach', 'the woods', 'the garden', 'the farm', 'the zoo', 'the lake', 'the playground',
  'the big hill', 'the school yard', 'the market', 'the river', 'the meadow', 'the pond', 'the library',
  'the forest', 'the backyard', 'the field', 'the town square', 'the little shop', 'the bakery', 'the pool',
] as const;

export const TOYS = [
  'ball', 'kite', 'doll', 'teddy bear', 'toy car', 'toy truck', 'toy boat', 'toy train', 'red wagon', 'jump rope',
  'yo-yo', 'puzzle', 'box of crayons', 'drum', 'whistle', 'toy robot', 'rubber duck', 'spinning top', 'bike',
  'scooter', 'balloon', 'toy plane', 'marble', 'puppet', 'toy castle', 'bucket and spade', 'storybook', 'hat',
] as const;

export const FOODS = [
  'apple', 'banana', 'cookie', 'cake', 'sandwich', 'muffin', 'pie', 'orange', 'pear', 'grapes', 'cupcake', 'bun',
  'carrot', 'bread', 'cheese', 'soup', 'pancake', 'ice cream', 'candy', 'pizza', 'peach', 'plum', 'strawberry',
  'cherry', 'lemon', 'melon', 'egg', 'corn', 'rice', 'noodles', 'honey', 'jam', 'milk', 'juice', 'popcorn',
] as const;

export const COLORS = [
  'red', 'blue', 'green', 'yellow', 'pink', 'purple', 'orange', 'brown', 'white', 'black', 'gray', 'gold', 'silver',
] as const;

/** Adjectives a child uses for a thing they like. */
export const NICE = [
  'shiny', 'pretty', 'soft', 'new', 'little', 'big', 'special', 'bright', 'fluffy', 'round', 'smooth', 'tiny',
  'beautiful', 'favorite', 'colorful', 'sparkly', 'warm', 'funny',
] as const;

export type Weather = { kind: string; line: string };
export const WEATHER: readonly Weather[] = [
  { kind: 'sunny', line: 'The sun was shining' }, { kind: 'windy', line: 'The wind was blowing' },
  { kind: 'rainy', line: 'Rain was falling' }, { kind: 'snowy', line: 'Snow was falling' },
  { kind: 'cloudy', line: 'Gray clouds filled the sky' }, { kind: 'warm', line: 'The day was warm' },
  { kind: 'cold', line: 'The air was cold' }, { kind: 'foggy', line: 'Fog covered the ground' },
];

export const TIMES = [
  'One day', 'One morning', 'One sunny morning', 'One afternoon', 'One evening', 'One summer day', 'One winter day',
  'One rainy day', 'One spring morning', 'On Saturday', 'After school', 'Early one morning', 'One cold night',
] as const;

export const HAPPY_FEELINGS = ['happy', 'glad', 'proud', 'excited', 'calm', 'cheerful', 'thankful', 'joyful'] as const;
export const SAD_FEELINGS = ['sad', 'upset', 'lonely', 'unhappy', 'gloomy', 'hurt', 'sorry', 'miserable'] as const;
export const FEAR_FEELINGS = ['scared', 'afraid', 'nervous', 'worried', 'frightened', 'shy'] as const;
