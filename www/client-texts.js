// What clients read, in each language the page offers (CLIENT_LANGUAGES in
// wording.js names them): loaded with the Preview, not with the link screen.

/**
 * What clients read (the session reminder and appointment confirmation) and
 * the exported calendar event, in each language the page offers: one object
 * per locale, the same keys in each. `dates` is the BCP 47 tag the dates and
 * times are written with. Spanish is addressed with usted. `referral` is what
 * a provider who cannot see the client in a state tells the client.
 */
export const CLIENT_TEXTS = {
  en: {
    name: 'English',
    dates: 'en-US',
    reminder: ({ firstName, provider, day, time }) =>
      `Hi ${firstName}, this is a reminder of your session with ${provider}, tomorrow, ${day} at ${time}.`,
    joinByVideo: 'Join by video: ',
    noLink: 'No video link yet. Your provider will send one before the session.',
    portalLink: 'The session link is created by the portal: open it from the Appointments page of your account when it is time to join.',
    beforeYouJoin: 'Before you join: ',
    confirmed: ({ firstName }) => `Hi ${firstName}, your appointment is confirmed.`,
    when: 'When',
    with: 'With',
    where: 'Where',
    join: 'Join',
    whenValue: ({ date, time, minutes }) => `${date}, ${time} (${minutes} minutes)`,
    whereValue: 'Telehealth, by video',
    alsoOnAppointments: 'You can also find the link on the Appointments page of your account.',
    referral: ({ firstName, place }) =>
      `Hi ${firstName}, while you are in ${place} I cannot see you by telehealth, because I am not licensed there. `
      + `I will help you find a provider licensed in ${place}, and we can continue our sessions once you are back `
      + 'in a state where I am licensed.',
    calendar: {
      summary: ({ client }) => `Session with ${client} (telehealth)`,
      portal: "Telehealth: the session link is created by the portal's built-in telehealth.",
      link: ({ link }) => `Telehealth link: ${link}`,
      noLink: 'No telehealth link yet.',
      instructions: ({ instructions }) => `Instructions for the client: ${instructions}`,
    },
  },
  es: {
    name: 'Español',
    dates: 'es-US',
    reminder: ({ firstName, provider, day, time }) =>
      `Hola, ${firstName}: le recordamos su sesión de mañana, ${day}, a las ${time}, con ${provider}.`,
    joinByVideo: 'Únase por video: ',
    noLink: 'Todavía no hay un enlace de video. Su proveedor le enviará uno antes de la sesión.',
    portalLink: 'El portal crea el enlace de la sesión: ábralo desde la página Citas de su cuenta cuando sea la hora de unirse.',
    beforeYouJoin: 'Antes de unirse: ',
    confirmed: ({ firstName }) => `Hola, ${firstName}: su cita está confirmada.`,
    when: 'Cuándo',
    with: 'Con',
    where: 'Dónde',
    join: 'Cómo unirse',
    whenValue: ({ date, time, minutes }) => `${date}, ${time} (${minutes} minutos)`,
    whereValue: 'Telesalud, por video',
    alsoOnAppointments: 'También encontrará el enlace en la página Citas de su cuenta.',
    referral: ({ firstName, place }) =>
      `Hola, ${firstName}: mientras esté en ${placeInSpanish(place)} no puedo atenderle por telesalud, porque no tengo `
      + `licencia allí. Le ayudaré a encontrar un proveedor con licencia en ${placeInSpanish(place)}, y podremos `
      + 'continuar nuestras sesiones cuando vuelva a un estado donde tenga licencia.',
    calendar: {
      summary: ({ client }) => `Sesión con ${client} (telesalud)`,
      portal: 'Telesalud: el enlace de la sesión lo crea la telesalud integrada del portal.',
      link: ({ link }) => `Enlace de telesalud: ${link}`,
      noLink: 'Todavía no hay enlace de telesalud.',
      instructions: ({ instructions }) => `Instrucciones para el cliente: ${instructions}`,
    },
  },
};

/** The Spanish names of the states and territories whose name differs in Spanish; the others are written as in English. */
const SPANISH_PLACE_NAMES = {
  'District of Columbia': 'el Distrito de Columbia', Hawaii: 'Hawái', Louisiana: 'Luisiana', Mississippi: 'Misisipi',
  Missouri: 'Misuri', 'New Hampshire': 'Nuevo Hampshire', 'New Jersey': 'Nueva Jersey', 'New Mexico': 'Nuevo México',
  'New York': 'Nueva York', 'North Carolina': 'Carolina del Norte', 'North Dakota': 'Dakota del Norte',
  Pennsylvania: 'Pensilvania', 'South Carolina': 'Carolina del Sur', 'South Dakota': 'Dakota del Sur',
  'U.S. Virgin Islands': 'las Islas Vírgenes de los Estados Unidos', 'West Virginia': 'Virginia Occidental',
  'American Samoa': 'Samoa Americana', 'Northern Mariana Islands': 'las Islas Marianas del Norte',
};

function placeInSpanish(name) {
  return SPANISH_PLACE_NAMES[name] ?? name;
}
