// What clients read, in each language the page offers (CLIENT_LANGUAGES in
// wording.js names them): loaded with the Preview, not with the link screen.

/**
 * What clients read (the session reminder and appointment confirmation) and
 * the exported calendar event, in each language the page offers: one object
 * per locale, the same keys in each. `dates` is the BCP 47 tag the dates and
 * times are written with. Spanish is addressed with usted.
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
    calendar: {
      summary: ({ client }) => `Sesión con ${client} (telesalud)`,
      portal: 'Telesalud: el enlace de la sesión lo crea la telesalud integrada del portal.',
      link: ({ link }) => `Enlace de telesalud: ${link}`,
      noLink: 'Todavía no hay enlace de telesalud.',
      instructions: ({ instructions }) => `Instrucciones para el cliente: ${instructions}`,
    },
  },
};
